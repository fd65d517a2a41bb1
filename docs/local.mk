# docs: installed under $(docdir)/docs, next to README.md, so the README's links still work.
# docs/keywords.md is generated from the keyword table (setup/local.mk, tests/setup/keywords_doc.sh);
# tests/setup/docs_dsn.sh checks the example data sources of the guides against the table,
# tests/setup/docs_messages.sh the driver messages troubleshooting.md quotes against driver/.
nobase_dist_doc_DATA = docs/keywords.md docs/connecting.md docs/troubleshooting.md \
	docs/migrating-from-amazon.md docs/logging.md docs/parameter-arrays.md
TESTS += tests/setup/docs_dsn.sh tests/setup/docs_messages.sh
EXTRA_DIST += tests/setup/docs_dsn.sh tests/setup/docs_messages.sh
