// See inline_font_match.c: Pango's font matching on the calling thread.
#ifndef HANDOUTS_INLINE_FONT_MATCH_H
#define HANDOUTS_INLINE_FONT_MATCH_H

/// 1 when Pango's font-matching "threads" run on the thread that asked for them.
int handouts_font_match_runs_inline(void);

#endif
