#!/bin/sh
# docs_messages.sh - the driver messages docs/troubleshooting.md quotes are messages the driver
# still gives: each phrase below must appear in the page and in driver/ sources. When a message
# changes, change the page (and this list) with it.
doc="$top_srcdir/docs/troubleshooting.md"
src="$top_srcdir/driver"
n=0
while IFS= read -r phrase; do
    [ -n "$phrase" ] || continue
    n=$((n + 1))
    in_doc=1; in_src=1
    grep -qF -- "$phrase" "$doc" || in_doc=0
    grep -rqF --include='*.c' -- "$phrase" "$src" || in_src=0
    if [ $in_doc = 1 ] && [ $in_src = 1 ]; then
        echo "ok $n - \"$phrase\" is in the page and in the driver"
    else
        echo "not ok $n - \"$phrase\" is in the page ($in_doc) and in the driver ($in_src)"
    fi
done <<'EOT'
Could not reach
TLS failed
Unknown host
The server asked for SHA-256 password authentication, which libpq
authentication method 13 not supported
password authentication failed
this machine's clock is off: synchronize it with NTP
RequestExpired
Signature expired
Signature not yet current
IAM needs a region
IAM needs a cluster
IAM for Redshift Serverless needs a workgroup
IAM needs a database user
is out of range
EOT
echo "1..$n"
