#!/bin/sh
# The test bed's second libvirt host only: its /etc/alternatives points ebtables here.
#
# Two libvirt hosts share this machine's kernel, as no two real hosts do. ebtables-nft 1.8.9
# rewrites the policy rules of every user chain in a table on each change, and when another
# process commits between its cache read and its commit it can fail with an nf_tables batch error
# ("RULE_DELETE failed (No such file or directory): rule in chain ..."). A failed batch applied
# nothing, so the same command is run again. libvirtd's nwfilter gives up its whole start on one
# such failure when it re-applies its running guests' rules, which a restarted daemon does.
# Other failures (no such chain, no such rule) have other messages and are passed on at once.
err=$(mktemp)
trap 'rm -f "$err"' EXIT
attempt=1
while :; do
    /usr/sbin/ebtables-nft "$@" 2>"$err"
    status=$?
    if [ "$status" -eq 0 ] || [ "$attempt" -ge 12 ] || ! grep -q '[A-Z_] failed (' "$err"; then
        cat "$err" >&2
        exit "$status"
    fi
    echo "ebtables-retrying: attempt $attempt of '$*' lost a race: $(cat "$err")" >> /var/log/libvirt/ebtables-retries.log
    attempt=$((attempt + 1))
    sleep 0.3
done
