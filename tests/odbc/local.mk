# tests/odbc
