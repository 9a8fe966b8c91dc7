// Pango 1.50 (Debian 12) starts two threads for every font pattern it has not seen before:
// "[pango] FcFontSetMatch" and "[pango] FcFontSetSort" (pangofc-fontmap.c,
// pango_fc_patterns_new), and the shaping thread then waits for them. A page has dozens of
// patterns (each size, weight and language), and the batch, whose type shrinks to fit, had
// 4,590 such threads: each a clone, a stack, a malloc arena, two wake-ups, for a few
// microseconds of fontconfig work. The render worker is one thread by design, so that work
// is done where it was asked for instead.
//
// This file defines g_thread_new in the program itself. The dynamic linker binds Pango's calls
// to the program's definition before GLib's; every other thread (FcInit above all: its
// starter holds the lock the thread takes, so it must stay a thread) is passed to GLib's own.
// It holds no state.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <string.h>
#include <glib.h>

#include "inline_font_match.h"

typedef GThread *(*ThreadStarter)(const gchar *name, GThreadFunc func, gpointer data);

static gboolean runs_in_caller(const gchar *name) {
    // Only these two: each computes one result, stores it under its own mutex (not held by
    // the caller) and returns; run here, the caller finds the result ready instead of waiting.
    return name != NULL
        && (strcmp(name, "[pango] FcFontSetMatch") == 0 || strcmp(name, "[pango] FcFontSetSort") == 0);
}

GThread *g_thread_new(const gchar *name, GThreadFunc func, gpointer data) {
    if (runs_in_caller(name)) {
        func(data);
        // Pango only unrefs the thread it gets back (never joins it): a reference to the
        // calling thread is a valid GThread to give it.
        return g_thread_ref(g_thread_self());
    }
    ThreadStarter glib = (ThreadStarter)dlsym(RTLD_NEXT, "g_thread_new");
    return glib(name, func, data);
}

int handouts_font_match_runs_inline(void) {
    // Whether the libraries see this file's g_thread_new: the program must export it (the
    // linker does so because libpangoft2, on the link line, refers to it).
    return dlsym(RTLD_DEFAULT, "g_thread_new") == (void *)&g_thread_new;
}
