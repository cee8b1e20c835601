// Stand-in for markdown-it's dependencies that only serve rules we never enable (links,
// entities, linkify): calling any of them is a bug, so each throws.
function unused () { throw new Error('markdown-it: this feature is not bundled') }
export default function LinkifyIt () { return { test: unused, match: unused, pretest: () => false } }
export const decodeHTML = unused
export const encode = unused
export const decode = unused
export const format = unused
export const parse = unused
export const toASCII = unused
export const toUnicode = unused
