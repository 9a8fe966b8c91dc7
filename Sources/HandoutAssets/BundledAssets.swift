import Foundation
/// The Guide/, Layouts/ and Fonts/ folders bundled with the program.
public enum BundledAssets {
    /// The folder holding the bundled copies, or nil if the bundle is missing.
    public static var root: URL? { Bundle.module.resourceURL }
}
