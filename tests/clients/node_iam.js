#!/usr/bin/env node
// node's odbc package (npm, a native addon over unixODBC) against the test server through rsodbc
// with IAM. It binds every parameter by what SQLDescribeParam says (strings as SQL_C_CHAR UTF-8,
// numbers as SQL_C_DOUBLE/SBIGINT) and reads columns by SQLDescribeCol. TAP.
//
// Run by scripts/check.d/60-clients.sh, which installs the package (tests/clients/node/) and
// passes: NODE_PATH (where it is), RS_IAM_CONNSTR (an IAM connection string, see
// tests/clients/iam_lib.sh), RS_IAM_DBUSER, RS_IAM_TEXT and RS_IAM_TS (the values to write).
'use strict';

const env = process.env;
let n = 0;
let failed = 0;

function ok(cond, what, detail) {
  n += 1;
  console.log(`${cond ? 'ok' : 'not ok'} ${n} - node odbc: ${what}`);
  if (!cond) {
    failed += 1;
    if (detail !== undefined) {
      const text = typeof detail === 'string' ? detail : JSON.stringify(detail);
      for (const line of text.split('\n')) console.log(`#   ${line}`);
    }
  }
  return cond;
}

function is(got, want, what) {
  return ok(got === want, what, `got:  ${JSON.stringify(got)}\nwant: ${JSON.stringify(want)}`);
}

// An error from the addon, with its ODBC records, the secret key never shown.
function why(err) {
  const text = `${err && err.message}${err && err.odbcErrors ? ' ' + JSON.stringify(err.odbcErrors) : ''}`;
  return text.split(env.RS_IAM_SECRET || '\u0000').join('<SECRET>').split(env.RS_IAM_WRONG_SECRET || '\u0000').join('<WRONG SECRET>');
}

async function main() {
  for (const v of ['RS_IAM_CONNSTR', 'RS_IAM_DBUSER', 'RS_IAM_TEXT', 'RS_IAM_TS', 'RS_IAM_SECRET', 'RS_IAM_WRONG_SECRET']) {
    if (!env[v]) {
      console.log(`Bail out! ${v} is not set: run through scripts/check.d/60-clients.sh`);
      return 1;
    }
  }
  const odbc = require('odbc');
  const text = env.RS_IAM_TEXT;
  const ts = env.RS_IAM_TS;

  let cn;
  try {
    cn = await odbc.connect({ connectionString: env.RS_IAM_CONNSTR, connectionTimeout: 20, loginTimeout: 20 });
    ok(true, 'IAM connect (SQLDriverConnect)');
  } catch (err) {
    ok(false, 'IAM connect (SQLDriverConnect)', why(err));
    console.log(`1..${n}`);
    return 1;
  }
  try {
    const who = await cn.query('SELECT current_user AS u');
    is(who[0] && who[0].u, `IAMA:${env.RS_IAM_DBUSER}`, 'logged in as the user GetClusterCredentials issued');

    await cn.query('CREATE TEMP TABLE rs_iam_t (id int, name varchar(100), ts timestamp)');
    const ins = await cn.query('INSERT INTO rs_iam_t VALUES (?, ?, ?)', [7, text, ts]);
    is(ins.count, 1, 'parameterized INSERT (number, text, timestamp as text) inserts one row');

    const sel = "SELECT id, name, char_length(name) AS nchars, octet_length(name) AS nbytes, ts, " +
      "to_char(ts, 'YYYY-MM-DD HH24:MI:SS.US') AS ts_text FROM rs_iam_t WHERE id = ? AND name = ?";
    const rows = await cn.query(sel, [7, text]);
    const row = rows[0] || {};
    is(rows.length, 1, 'parameterized SELECT finds the row by id and text');
    is(row.name, text, 'the text reads back intact');
    is(`${row.nchars}/${row.nbytes}`, '12/21', 'the server stored 12 characters in 21 bytes');
    is(row.ts, ts, 'the timestamp reads back with its microseconds');
    is(row.ts_text, ts, 'the server stored that timestamp');
    const cols = rows.columns || [];
    is(cols.map((c) => c.dataType).join(','), '4,12,4,4,93,-1',
      'column types: INTEGER, VARCHAR, INTEGER, INTEGER, TYPE_TIMESTAMP, LONGVARCHAR');
    is(cols[1] && cols[1].columnSize, 100, 'varchar(100) has column size 100');

    // The prepared-statement API: SQLPrepare, SQLNumParams and SQLDescribeParam, then bind and run.
    const st = await cn.createStatement();
    await st.prepare("SELECT CAST(? AS varchar(100)) AS t, CAST(? AS timestamp) + interval '1 day 1 microsecond' AS ts");
    await st.bind([text, ts]);
    const r2 = await st.execute();
    is(r2[0] && r2[0].t, text, 'prepared statement: a text parameter echoed by the server');
    is(r2[0] && r2[0].ts, '2024-03-01 13:45:56.123457', 'prepared statement: a computed timestamp (leap day + 1 day 1 µs)');
    await st.close();
  } catch (err) {
    ok(false, 'no ODBC error', why(err));
  }
  await cn.close();

  // A wrong secret key: the login fails with 28000 and the AWS error, showing neither secret.
  let err = null;
  try {
    const bad = await odbc.connect(env.RS_IAM_CONNSTR.split(env.RS_IAM_SECRET).join(env.RS_IAM_WRONG_SECRET));
    await bad.close();
  } catch (e) {
    err = e;
  }
  const recs = JSON.stringify((err && err.odbcErrors) || []);
  ok(err !== null && recs.includes('"state":"28000"') && recs.includes('SignatureDoesNotMatch'),
    'a wrong secret key fails the IAM login with 28000 (SignatureDoesNotMatch)', err ? why(err) : 'connected');
  ok(err !== null && !recs.includes(env.RS_IAM_WRONG_SECRET) && !recs.includes(env.RS_IAM_SECRET) &&
    !err.message.includes(env.RS_IAM_WRONG_SECRET), 'the error shows no secret key');
  console.log(`1..${n}`);
  return failed ? 1 : 0;
}

main().then((rc) => { process.exitCode = rc; }, (err) => {
  console.log(`Bail out! ${why(err)}`);
  process.exitCode = 1;
});
