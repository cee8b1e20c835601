// The third-party code of the formatted-text editor, as one IIFE exposing `window.PM`.
// Built by build/build.sh; nothing of ours here but this list of exports.
export * as model from 'prosemirror-model'
export * as state from 'prosemirror-state'
export * as view from 'prosemirror-view'
export * as transform from 'prosemirror-transform'
export * as commands from 'prosemirror-commands'
export * as keymap from 'prosemirror-keymap'
export * as history from 'prosemirror-history'
export * as dropcursor from 'prosemirror-dropcursor'
// markdown-it's inline parser only (the same code markdown-it-py ports): rules are chosen by
// richtext.js exactly as briefing/text/inline.py chooses them.
export { default as ParserInline } from 'markdown-it/lib/parser_inline.mjs'
export { isWhiteSpace, isMdAsciiPunct } from 'markdown-it/lib/common/utils.mjs'
