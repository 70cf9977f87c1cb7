# yaml-flat.awk - flatten the small YAML subset found in NoCloud seed files
# (meta-data, user-data "#cloud-config", network-config v2) into lines
#
#     PATH<TAB>VALUE
#
# PATH joins mapping keys with '.', list items are numbered from 0, e.g.
#     local-hostname              web-1
#     ssh_authorized_keys.0       ssh-ed25519 AAAA... alice@laptop
#     chpasswd.users.0.password   $6$salt$hash
#     runcmd.1                    [ sh, -c, "yes > /dev/null &" ]
#     ethernets.eth0.match.macaddress   52:54:00:12:34:56
#
# With -v tagged=1 several files can be flattened in one run (one process
# less per file, which matters under TCG); each PATH is then prefixed with
# the file's base name and a colon: "meta-data:instance-id".
#
# Supported: block mappings and block sequences (indented or at the parent's
# indentation), "- key: value" list-of-maps items, plain/'single'/"double"
# quoted scalars, full-line and trailing " # comments".  Flow collections
# ([a, b] / {a: b}) are passed through verbatim as the value; the caller
# decides what to do with them.  Block scalars (| and >) are not supported.
# Written for busybox awk (no gawk extensions).

function trim(s) {
    sub(/^[ \t]+/, "", s)
    sub(/[ \t]+$/, "", s)
    return s
}

# Cut a trailing " # comment" that is outside quotes.
function strip_comment(s,    i, ch, prev, dq, sq) {
    dq = 0; sq = 0; prev = " "
    for (i = 1; i <= length(s); i++) {
        ch = substr(s, i, 1)
        if (ch == "\"" && !sq && prev != "\\") dq = !dq
        else if (ch == "'" && !dq) sq = !sq
        else if (ch == "#" && !dq && !sq && (prev == " " || prev == "\t"))
            return substr(s, 1, i - 1)
        prev = ch
    }
    return s
}

# Turn a scalar into its value: drop comment, trim, remove one level of quotes.
function value(s,    q) {
    s = trim(strip_comment(s))
    q = substr(s, 1, 1)
    if ((q == "\"" || q == "'") && length(s) >= 2 && substr(s, length(s), 1) == q) {
        s = substr(s, 2, length(s) - 2)
        if (q == "\"") {
            gsub(/\\"/, "\"", s)
            gsub(/\\\\/, "\\", s)
        } else {
            gsub(/''/, "'", s)
        }
    }
    return s
}

# Is s a "key: value" (or "key:") line?  Sets KEY and VAL.
# Keys are restricted to cloud-config style names (or quoted) so that
# list items like "- echo a: b" stay plain strings.
function iskey(s) {
    if (match(s, /^[A-Za-z0-9_][A-Za-z0-9_.\/-]*[ \t]*:([ \t]|$)/) ||
        match(s, /^"[^"]*"[ \t]*:([ \t]|$)/) ||
        match(s, /^'[^']*'[ \t]*:([ \t]|$)/)) {
        KEY = substr(s, 1, RLENGTH)
        sub(/[ \t]*:[ \t]*$/, "", KEY)
        KEY = value(KEY)
        VAL = trim(strip_comment(substr(s, RLENGTH + 1)))
        return 1
    }
    return 0
}

function join(a, b) { return a == "" ? b : a "." b }

function emit(p, v) { printf "%s%s\t%s\n", tag, p, v }

# Stack of open containers: ind[] = indentation of the line that opened it,
# kind[] = "key" (mapping key with empty value) or "item" (list item holding
# a mapping), pth[] = its path.
function handle(n, c,    isdash, parent, ip, rest, off) {
    isdash = (c ~ /^-([ \t]|$)/)
    # Close containers this line is not nested in.  A "- item" at the same
    # indentation as its parent key still belongs to that key (compact YAML
    # lists), but closes a previous sibling item.
    while (sp > 0 && (ind[sp] > n || (ind[sp] == n && (!isdash || kind[sp] == "item"))))
        sp--
    parent = sp > 0 ? pth[sp] : ""

    if (isdash) {
        ip = join(parent, cnt[parent] + 0)
        cnt[parent]++
        rest = substr(c, 2)
        match(rest, /^[ \t]*/)
        off = RLENGTH
        rest = substr(rest, off + 1)
        if (rest == "" || rest ~ /^#/) {          # "-" alone: nested block follows
            sp++; ind[sp] = n; kind[sp] = "item"; pth[sp] = ip
        } else if (iskey(rest) || rest ~ /^-([ \t]|$)/) {
            # "- key: value" (a mapping item) or "- - x" (a nested list)
            sp++; ind[sp] = n; kind[sp] = "item"; pth[sp] = ip
            handle(n + 1 + off, rest)
        } else {                                   # "- scalar"
            emit(ip, value(rest))
        }
        return
    }
    if (iskey(c)) {
        if (VAL == "") {
            sp++; ind[sp] = n; kind[sp] = "key"; pth[sp] = join(parent, KEY)
            cnt[pth[sp]] = 0
        } else {
            emit(join(parent, KEY), value(VAL))
        }
    }
    # anything else (continuation lines, block scalars) is ignored
}

BEGIN { sp = 0 }
FNR == 1 {                                  # new file: reset the parser
    sp = 0
    split("", cnt)
    tag = ""
    if (tagged) { tag = FILENAME; sub(/.*\//, "", tag); tag = tag ":" }
}
{
    line = $0
    sub(/\r$/, "", line)
    match(line, /^[ \t]*/)                   # tabs are not YAML indentation;
    lead = substr(line, 1, RLENGTH)           # be lenient and count them as 4
    gsub(/\t/, "    ", lead)
    line = lead substr(line, RLENGTH + 1)
    if (line ~ /^[ ]*$/ || line ~ /^[ ]*#/) next
    if (line ~ /^(---|\.\.\.)([ ]|$)/) next
    match(line, /^ */)
    handle(RLENGTH, substr(line, RLENGTH + 1))
}
