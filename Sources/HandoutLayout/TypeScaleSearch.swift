/// The largest uniform type scale between a floor and 1 at which something still fits,
/// found by bisection to a hundredth of the designed size: a tenth of a point on 10 pt
/// type, finer than a reader or a printer shows. (Bisecting seven times, as before, went
/// to a thousandth and cost a pocket card in a long translation twelve layouts; it now
/// takes eight, and the card is most of a batch's work.)
enum TypeScaleSearch {
    static let resolution = 0.01

    /// `fits` answers nil where the text does not fit (and throws only for other errors);
    /// `atFloor` lays the thing out at `floor`, or throws why it does not fit there. It is
    /// asked for only when nothing above the floor fits: the bisection's midpoints are the
    /// same either way, and a shrinking card or label then takes one layout (a whole
    /// reshaping of its text at another size) less. Returns the best result and its scale.
    static func largest<Result>(floor: Double, atFloor: () throws -> Result, fits: (Double) throws -> Result?) rethrows
        -> (result: Result, scale: Double) {
        var best: Result?, low = floor, high = 1.0
        while high - low > resolution {
            let middle = (low + high) / 2
            if let result = try fits(middle) { (best, low) = (result, middle) } else { high = middle }
        }
        if let best { return (best, low) }
        return (try atFloor(), floor)
    }
}
