# shellcheck shell=bash
# IAM pieces shared by the client tests that log in through the AWS emulator the test
# environment runs (RS_EMULATOR_URL, world tests/aws_emulator/config.json): the connection
# string, the values every client writes and reads back, and what the emulator saw.
#
# Every client connects with IAM=1 as the emulator's identity alice (fake keys) through
# GetClusterCredentials on cluster emu-cluster, with a database user of its own (rscli_<client>,
# AutoCreate=1, so PostgreSQL's role is IAMA:rscli_<client>): PostgreSQL keeps one password per
# role, and a newer issue for the same user would invalidate another client's password. The tests
# count GetClusterCredentials calls in the emulator's call log; nothing resets this shared
# emulator (tests that need resets or faults run an instance of their own, as tests/iam does).

# shellcheck source=tests/clients/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RS_IAM_AKID=AKIAEMULATORALICE001
RS_IAM_SECRET=FAKE+emulator/alice/secret/not/a/real/key0
# A wrong secret for alice's key: the emulator answers SignatureDoesNotMatch, the client gets 28000.
RS_IAM_WRONG_SECRET=FAKE+emulator/alice/WRONG/not/the/key/0000
# What every client writes through parameters and reads back: text with 2-, 3- and 4-byte UTF-8
# characters (12 characters, 21 bytes) and a timestamp with microseconds.
RS_IAM_TEXT='Grüße, 東京, 😀'
RS_IAM_TEXT_CHARS=12
RS_IAM_TEXT_BYTES=21
RS_IAM_TS='2024-02-29 13:45:56.123456'

rs_iam_need_env() {
    rs_need_env
    if [ -z "${RS_EMULATOR_URL:-}" ]; then
        echo "1..0 # SKIP RS_EMULATOR_URL is not set: the AWS emulator is not running"
        exit 0
    fi
}

# rs_iam_connstr DBUSER [DRIVER]: a DSN-less IAM connection string for the test server.
rs_iam_connstr() {
    local user=$1 driver=${2:-rsodbc}
    printf 'Driver={%s};Server=127.0.0.1;Port=%s;Database=%s;SSLMode=verify-full;CaFile=%s;IAM=1;ClusterId=emu-cluster;Region=us-east-1;DbUser=%s;AutoCreate=1;AccessKeyID=%s;SecretAccessKey=%s;EndpointUrl=%s;LoginTimeout=20' \
        "$driver" "$RS_PG_PORT" "${RS_PG_DATABASE:-rstest}" "$RS_CA_FILE" "$user" "$RS_IAM_AKID" "$RS_IAM_SECRET" \
        "$RS_EMULATOR_URL"
}

# rs_iam_dsn NAME DBUSER [SECRET]: the same as an odbc.ini section (for clients that only take a
# DSN).
rs_iam_dsn() {
    local name=$1 user=$2 secret=${3:-$RS_IAM_SECRET}
    cat <<EOF
[$name]
Driver = rsodbc
Server = 127.0.0.1
Port = $RS_PG_PORT
Database = ${RS_PG_DATABASE:-rstest}
SSLMode = verify-full
CaFile = $RS_CA_FILE
IAM = 1
ClusterId = emu-cluster
Region = us-east-1
DbUser = $user
AutoCreate = 1
AccessKeyID = $RS_IAM_AKID
SecretAccessKey = $secret
EndpointUrl = $RS_EMULATOR_URL
LoginTimeout = 20

EOF
}

# rs_iam_issued DBUSER: how many GetClusterCredentials calls for DBUSER, signed with alice's key,
# the emulator answered with 200 (from its call log). Prints -1 when the log cannot be read.
rs_iam_issued() {
    /usr/bin/python3 - "$RS_EMULATOR_URL" "$1" "$RS_IAM_AKID" <<'EOF' 2>/dev/null || echo -1
import json, sys, urllib.request
url, user, akid = sys.argv[1:4]
with urllib.request.urlopen(url + '/_emulator/calls?service=redshift&action=GetClusterCredentials', timeout=10) as r:
    calls = json.load(r)['calls']
print(sum(1 for c in calls if c.get('status') == 200 and c.get('access_key') == akid
          and (c.get('params') or {}).get('DbUser') == user))
EOF
}
