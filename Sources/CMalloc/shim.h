// glibc's malloc.h (mallopt), which Swift's Glibc module leaves out: the render worker keeps
// freed heap memory between documents (HandoutEngine/HeapTrimming.swift).
#include <malloc.h>
