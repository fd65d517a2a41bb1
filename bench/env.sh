# shellcheck shell=bash
# Sourced inside scripts/with-test-env.sh by run.sh and profile.sh: the connection strings of the
# three programs (same server, same user, TLS verify-full for all) and the data loader.
BENCH_BIN=build/bench/bin
BENCH_USER=rs_scram
BENCH_PWD=scram-secret-1
BENCH_LIBPQ="host=127.0.0.1 port=$RS_PG_PORT dbname=$RS_PG_DATABASE user=$BENCH_USER password=$BENCH_PWD sslmode=verify-full sslrootcert=$RS_CA_FILE"
BENCH_RSODBC="Driver=rsodbc;Server=127.0.0.1;Port=$RS_PG_PORT;Database=$RS_PG_DATABASE;UID=$BENCH_USER;PWD=$BENCH_PWD;SSLMode=verify-full;CaFile=$RS_CA_FILE"
# psqlODBC with its defaults (the whole result in memory: UseDeclareFetch=0).
BENCH_PSQLODBC="Driver=psqlodbc;Servername=127.0.0.1;Port=$RS_PG_PORT;Database=$RS_PG_DATABASE;Username=$BENCH_USER;Password=$BENCH_PWD;SSLmode=verify-full;pqopt={sslrootcert=$RS_CA_FILE}"
# IAM through the emulator (bench/emulator.json): GetClusterCredentials for bench_iam.
BENCH_RSODBC_IAM="Driver=rsodbc;IAM=1;Server=127.0.0.1;Port=$RS_PG_PORT;Database=$RS_PG_DATABASE;SSLMode=verify-full;CaFile=$RS_CA_FILE;ClusterId=bench-cluster;Region=us-east-1;EndpointUrl=${RS_EMULATOR_URL:-};AccessKeyID=AKIABENCHKEYS0000001;SecretAccessKey=BENCH+fake/keys/secret/00000000000000001;AutoCreate=1;DbUser=bench_iam"

bench_psql() {
    psql -X -q -h "$RS_PG_SOCKDIR" -p "$RS_PG_PORT" -U "$RS_PG_SUPERUSER" -d "$RS_PG_DATABASE" -v ON_ERROR_STOP=1 "$@"
}

bench_load() {
    echo "==> loading 1,000,000 rows into bench_rows" >&2
    bench_psql -v owner="$BENCH_USER" -f bench/load.sql 2>&1 | grep -v 'does not exist, skipping' >&2 || true
    [ "$(bench_psql -At -c 'SELECT count(*) FROM bench_rows')" = 1000000 ] \
        || { echo "error: bench_rows was not loaded" >&2; return 1; }
}

# bench_exec PROGRAM WORKLOAD COUNT: run one workload for rsodbc, psqlodbc or libpq.
bench_exec() {
    local prog=$1 w=$2 n=$3
    case $prog in
    rsodbc)
        if [ "$w" = connect_iam ]; then
            "$BENCH_BIN/odbc_bench" "$BENCH_RSODBC_IAM" "$w" "$n"
        else
            "$BENCH_BIN/odbc_bench" "$BENCH_RSODBC" "$w" "$n"
        fi ;;
    psqlodbc) "$BENCH_BIN/odbc_bench" "$BENCH_PSQLODBC" "$w" "$n" ;;
    libpq) "$BENCH_BIN/libpq_bench" "$BENCH_LIBPQ" "$w" "$n" ;;
    *) echo "bench_exec: unknown program $prog" >&2; return 2 ;;
    esac
}
