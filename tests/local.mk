# tests: each area adds its programs and scripts through its own fragment.
include tests/odbc/local.mk
include tests/unit/local.mk
include tests/clients/local.mk
include tests/aws_emulator/local.mk
include tests/setup/local.mk
include tests/iam/local.mk
