<?php
// PHP's odbc extension and PDO_ODBC (Debian's php-odbc) against the test server through rsodbc
// with IAM: odbc_prepare/odbc_execute (PHP asks SQLDescribeParam for each parameter and binds
// SQL_C_CHAR), non-ASCII text and a timestamp read back, the column metadata odbc_field_type and
// odbc_field_len report (SQLColAttribute with the ODBC 2 SQL_COLUMN_PRECISION); then the same
// through PDO. Strings are UTF-8 bytes both ways (ANSI calls). TAP.
//
// Run by scripts/check.d/60-clients.sh, which passes RS_IAM_CONNSTR (an IAM connection string,
// see tests/clients/iam_lib.sh), RS_IAM_DBUSER, RS_IAM_TEXT and RS_IAM_TS.

$n = 0;
$failed = 0;

function hide($s)
{
    return str_replace([getenv('RS_IAM_SECRET'), getenv('RS_IAM_WRONG_SECRET')], ['<SECRET>', '<WRONG SECRET>'],
                       (string)$s);
}

function ok($cond, $what, ...$detail)
{
    global $n, $failed;
    $n++;
    echo ($cond ? 'ok' : 'not ok'), " $n - php: $what\n";
    if (!$cond) {
        $failed++;
        foreach ($detail as $d) {
            foreach (explode("\n", hide($d)) as $line) {
                echo "#   $line\n";
            }
        }
    }
    return $cond;
}

function is($got, $want, $what)
{
    return ok($got === $want, $what, 'got:  ' . var_export($got, true), 'want: ' . var_export($want, true));
}

foreach (['RS_IAM_CONNSTR', 'RS_IAM_DBUSER', 'RS_IAM_TEXT', 'RS_IAM_TS', 'RS_IAM_SECRET', 'RS_IAM_WRONG_SECRET'] as $v) {
    if (!getenv($v)) {
        echo "Bail out! $v is not set: run through scripts/check.d/60-clients.sh\n";
        exit(1);
    }
}
$connstr = getenv('RS_IAM_CONNSTR');
$user = 'IAMA:' . getenv('RS_IAM_DBUSER');
$text = getenv('RS_IAM_TEXT');
$ts = getenv('RS_IAM_TS');
$later = '2024-03-01 13:45:56.123457';

// ---- the odbc extension
$c = @odbc_connect($connstr, '', '');
if (!ok($c !== false, 'odbc_connect with IAM (SQLDriverConnect)', odbc_errormsg())) {
    echo "1..$n\n";
    exit(1);
}
$r = odbc_exec($c, 'SELECT current_user');
is($r && odbc_fetch_row($r) ? odbc_result($r, 1) : null, $user, 'logged in as the user GetClusterCredentials issued');

ok(odbc_exec($c, 'CREATE TEMP TABLE rs_iam_t (id int, name varchar(100), ts timestamp)') !== false,
   'CREATE TEMP TABLE', odbc_errormsg($c));
$ins = odbc_prepare($c, 'INSERT INTO rs_iam_t VALUES (?, ?, ?)');
ok($ins && odbc_execute($ins, [7, $text, $ts]), 'odbc_execute: INSERT with a number, text and a timestamp',
   odbc_errormsg($c));
is($ins ? odbc_num_rows($ins) : null, 1, 'one row inserted');

$sel = odbc_prepare($c, "SELECT id, name, char_length(name) AS nchars, octet_length(name) AS nbytes, ts, "
                        . "to_char(ts, 'YYYY-MM-DD HH24:MI:SS.US') AS ts_text FROM rs_iam_t WHERE id = ? AND name = ?");
$row = ($sel && odbc_execute($sel, [7, $text])) ? odbc_fetch_array($sel) : false;
ok(is_array($row) && $row['id'] === '7', 'odbc_execute: SELECT finds the row by id and text', odbc_errormsg($c));
$row = is_array($row) ? $row : [];
is($row['name'] ?? null, $text, 'the text reads back intact');
is(($row['nchars'] ?? '') . '/' . ($row['nbytes'] ?? ''), '12/21', 'the server stored 12 characters in 21 bytes');
is($row['ts'] ?? null, $ts, 'the timestamp reads back with its microseconds');
is($row['ts_text'] ?? null, $ts, 'the server stored that timestamp');
if ($sel) {
    is(odbc_field_type($sel, 2) . '/' . odbc_field_len($sel, 2), 'varchar/100', 'odbc_field_type/len: varchar, 100');
    is(odbc_field_type($sel, 5) . '/' . odbc_field_len($sel, 5) . '/' . odbc_field_scale($sel, 5), 'timestamp/26/6',
       'odbc_field_type/len/scale: timestamp, 26, 6');
}
$st = odbc_prepare($c, "SELECT CAST(? AS timestamp) + interval '1 day 1 microsecond'");
is($st && odbc_execute($st, [$ts]) && odbc_fetch_row($st) ? odbc_result($st, 1) : odbc_errormsg($c), $later,
   'a computed timestamp (leap day + 1 day 1 µs)');
odbc_close($c);

// ---- PDO_ODBC
try {
    $pdo = new PDO("odbc:$connstr", null, null, [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
    is($pdo->query('SELECT current_user')->fetchColumn(), $user, 'PDO: IAM connect, the issued user');
    $pdo->exec('CREATE TEMP TABLE rs_iam_p (id int, name varchar(100), ts timestamp)');
    $ins = $pdo->prepare('INSERT INTO rs_iam_p VALUES (:id, :name, :ts)');
    $ins->bindValue(':id', 7, PDO::PARAM_INT);
    $ins->bindValue(':name', $text);
    $ins->bindValue(':ts', $ts);
    $ins->execute();
    is($ins->rowCount(), 1, 'PDO: INSERT with named parameters');
    $sel = $pdo->prepare("SELECT name, octet_length(name), ts FROM rs_iam_p WHERE id = ? AND name = ?");
    $sel->execute([7, $text]);
    is($sel->fetch(PDO::FETCH_NUM), [$text, '21', $ts], 'PDO: text (21 bytes on the server) and timestamp read back');
} catch (PDOException $e) {
    ok(false, 'PDO: no error', $e->getMessage());
}

// A wrong secret key: the login fails with 28000 and the AWS error, showing neither secret.
$bad = str_replace(getenv('RS_IAM_SECRET'), getenv('RS_IAM_WRONG_SECRET'), $connstr);
$bc = @odbc_connect($bad, '', '');
$state = odbc_error();
$err = odbc_errormsg();
ok($bc === false && $state === '28000' && strpos($err, 'SignatureDoesNotMatch') !== false,
   'a wrong secret key fails the IAM login with 28000 (SignatureDoesNotMatch)', $bc ? 'connected' : "$state $err");
ok($bc === false && strpos($err, getenv('RS_IAM_WRONG_SECRET')) === false && strpos($err, getenv('RS_IAM_SECRET')) === false,
   'the error shows no secret key');

echo "1..$n\n";
exit($failed ? 1 : 0);
