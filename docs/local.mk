# docs: installed under $(docdir)/docs, next to README.md, so the README's links still work.
# docs/keywords.md is generated from the keyword table (setup/local.mk, tests/setup/keywords_doc.sh).
nobase_dist_doc_DATA = docs/keywords.md
