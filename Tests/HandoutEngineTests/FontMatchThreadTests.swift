import HandoutEngine
import Testing

/// Pango 1.50 starts two threads for every font pattern it has not seen (each size, weight and
/// language of a page); the program runs that work on the render worker's thread instead
/// (CPangoInlineFontMatch). If the program stopped exporting its g_thread_new, or the C file
/// fell out of the link, every render would be slower by those thread starts and nothing
/// else would show it.
@Suite struct FontMatchThreadTests {
    @Test func pangoSeesTheProgramsThreadStarter() {
        #expect(FontLibrary.matchesFontsOnTheWorkerThread,
                "Pango's calls to g_thread_new go to GLib's: the font matching runs on new threads again")
    }
}
