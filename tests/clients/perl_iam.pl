#!/usr/bin/perl
# Perl DBI with DBD::ODBC (Debian's libdbd-odbc-perl) against the test server through rsodbc with
# IAM: placeholders (DBD::ODBC asks SQLDescribeParam, then binds), non-ASCII text and a timestamp
# read back. TAP.
#
# Debian builds DBD::ODBC without its Unicode option (odbc_has_unicode is 0): it calls the ANSI
# functions and binds Perl strings as SQL_C_CHAR, so text travels as UTF-8 bytes both ways and
# the script encodes and decodes it, as an application using this build does.
#
# Run by scripts/check.d/60-clients.sh, which passes RS_IAM_CONNSTR (an IAM connection string,
# see tests/clients/iam_lib.sh), RS_IAM_DBUSER, RS_IAM_TEXT and RS_IAM_TS (UTF-8).
use strict;
use warnings;
use DBI qw(:sql_types);
use Encode qw(decode encode);

$| = 1;
my ($n, $failed) = (0, 0);
my $secret = $ENV{RS_IAM_SECRET} // "\0";

my $wrong = $ENV{RS_IAM_WRONG_SECRET} // "\0";
sub hide { my $s = shift // ''; $s =~ s/\Q$secret\E/<SECRET>/g; $s =~ s/\Q$wrong\E/<WRONG SECRET>/g; return $s; }

sub ok {
    my ($cond, $what, @detail) = @_;
    $n++;
    print(($cond ? 'ok' : 'not ok') . " $n - perl DBD::ODBC: $what\n");
    unless ($cond) {
        $failed++;
        print "#   $_\n" for map { split /\n/, hide($_) } @detail;
    }
    return $cond;
}

sub is {
    my ($got, $want, $what) = @_;
    my $show = sub { defined $_[0] ? encode('UTF-8', "'$_[0]'") : 'undef' };
    return ok(defined $got && $got eq $want, $what, 'got:  ' . $show->($got), 'want: ' . $show->($want));
}

for my $v (qw(RS_IAM_CONNSTR RS_IAM_DBUSER RS_IAM_TEXT RS_IAM_TS RS_IAM_SECRET RS_IAM_WRONG_SECRET)) {
    unless ($ENV{$v}) { print "Bail out! $v is not set: run through scripts/check.d/60-clients.sh\n"; exit 1; }
}
my $text = decode('UTF-8', $ENV{RS_IAM_TEXT});
my $ts = $ENV{RS_IAM_TS};

my $dbh = DBI->connect("dbi:ODBC:$ENV{RS_IAM_CONNSTR}", undef, undef,
                       {RaiseError => 1, PrintError => 0, AutoCommit => 1});
unless (ok($dbh, 'IAM connect (SQLDriverConnect)', $DBI::errstr)) {
    print "1..$n\n";
    exit 1;
}
print "# DBD::ODBC $DBD::ODBC::VERSION, odbc_has_unicode=$dbh->{odbc_has_unicode}, driver "
    . join(' ', map { $dbh->get_info($_) // '?' } 6, 7) . "\n";   # SQL_DRIVER_NAME, SQL_DRIVER_VER

eval {
    is(scalar $dbh->selectrow_array('SELECT current_user'), "IAMA:$ENV{RS_IAM_DBUSER}",
       'logged in as the user GetClusterCredentials issued');

    $dbh->do('CREATE TEMP TABLE rs_iam_t (id int, name varchar(100), ts timestamp)');
    my $ins = $dbh->prepare('INSERT INTO rs_iam_t VALUES (?, ?, ?)');
    is($ins->execute(7, encode('UTF-8', $text), $ts), 1, 'placeholders: INSERT of a number, text and a timestamp');

    my $sel = $dbh->prepare("SELECT id, name, char_length(name), octet_length(name), ts, "
                            . "to_char(ts, 'YYYY-MM-DD HH24:MI:SS.US') FROM rs_iam_t WHERE id = ? AND name = ?");
    $sel->execute(7, encode('UTF-8', $text));
    my @row = $sel->fetchrow_array;
    $sel->finish;
    is($row[0], 7, 'placeholders: SELECT finds the row by id and text');
    is(defined $row[1] ? decode('UTF-8', $row[1], Encode::FB_CROAK) : undef, $text, 'the text reads back intact (UTF-8)');
    is(($row[2] // '') . '/' . ($row[3] // ''), '12/21', 'the server stored 12 characters in 21 bytes');
    is($row[4], $ts, 'the timestamp reads back with its microseconds');
    is($row[5], $ts, 'the server stored that timestamp');
    is(join(',', map { $_ // 'undef' } @{$sel->{TYPE}}), '4,12,4,4,93,-1',
       'statement TYPE: INTEGER, VARCHAR, INTEGER, INTEGER, TYPE_TIMESTAMP, LONGVARCHAR');
    is($sel->{PRECISION}[1], 100, 'varchar(100) has PRECISION 100');

    # A timestamp bound with an explicit SQL type, the way DBI code often does.
    my $st = $dbh->prepare("SELECT CAST(? AS timestamp) + interval '1 day 1 microsecond'");
    $st->bind_param(1, $ts, SQL_TYPE_TIMESTAMP);
    $st->execute;
    is(scalar $st->fetchrow_array, '2024-03-01 13:45:56.123457',
       'bind_param(SQL_TYPE_TIMESTAMP): a computed timestamp (leap day + 1 day 1 µs)');
    $st->finish;
    1;
} or ok(0, 'no ODBC error', $@);

$dbh->disconnect;

# A wrong secret key: the login fails with 28000 and the AWS error, showing neither secret.
(my $bad = $ENV{RS_IAM_CONNSTR}) =~ s/\Q$secret\E/$wrong/;
my $bdbh = DBI->connect("dbi:ODBC:$bad", undef, undef, {RaiseError => 0, PrintError => 0});
my ($state, $err) = ($DBI::state // '', $DBI::errstr // '');
ok(!$bdbh && $state eq '28000' && $err =~ /SignatureDoesNotMatch/,
   'a wrong secret key fails the IAM login with 28000 (SignatureDoesNotMatch)', $bdbh ? 'connected' : "$state $err");
ok(!$bdbh && index($err, $wrong) < 0 && index($err, $secret) < 0, 'the error shows no secret key');
print "1..$n\n";
exit($failed ? 1 : 0);
