# tests/aws_emulator: local AWS endpoint emulator (Python 3 + Debian's python3-botocore)
# and its TAP test. Other tests start emulator.py and point the driver's EndpointUrl at it.
TESTS += tests/aws_emulator/test_emulator.py
EXTRA_DIST += \
	tests/aws_emulator/README.md \
	tests/aws_emulator/config.json \
	tests/aws_emulator/model_supplement.json \
	tests/aws_emulator/emulator.py \
	tests/aws_emulator/test_emulator.py \
	tests/aws_emulator/awsemu/__init__.py \
	tests/aws_emulator/awsemu/config.py \
	tests/aws_emulator/awsemu/control.py \
	tests/aws_emulator/awsemu/ecs.py \
	tests/aws_emulator/awsemu/errors.py \
	tests/aws_emulator/awsemu/http.py \
	tests/aws_emulator/awsemu/imds.py \
	tests/aws_emulator/awsemu/jsonproto.py \
	tests/aws_emulator/awsemu/models.py \
	tests/aws_emulator/awsemu/postgres.py \
	tests/aws_emulator/awsemu/query.py \
	tests/aws_emulator/awsemu/redshift.py \
	tests/aws_emulator/awsemu/serverless.py \
	tests/aws_emulator/awsemu/services.py \
	tests/aws_emulator/awsemu/sigv4.py \
	tests/aws_emulator/awsemu/sso.py \
	tests/aws_emulator/awsemu/state.py \
	tests/aws_emulator/awsemu/sts.py
