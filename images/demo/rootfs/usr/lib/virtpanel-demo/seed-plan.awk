# seed-plan.awk - turn the flattened seed (yaml-flat.awk -v tagged=1 output:
# "file:path<TAB>value") into a "plan" that the cloud-init shell script reads
# with `read` alone (no further processes: every fork costs under TCG).
#
# Output records, fields separated by \037 (US; a non-blank IFS keeps empty
# fields):
#   iid       INSTANCE-ID
#   hostname  HOST            sanitised; meta-data local-hostname, else
#   fqdn      FQDN            user-data hostname, else fqdn
#   preserve  1               user-data preserve_hostname: true
#   key       AUTHORIZED_KEYS_LINE
#   passwd    USER TYPE PASSWORD          chpasswd.users[] (type hash|text)
#   runcmd    SHELL_LINE                  list items become quoted words
#   if        ID MAC SETNAME MTU DHCP4(0|1) GATEWAY GATEWAY6 ACCEPT_RA(0|1|"")
#             ADDRS(space separated)
#   dns       NAMESERVER
#   search    DOMAIN

# print a record: the fields up to the last non-empty one, \037-separated
function out(a, b, c, d, e, f, g, h, j, k,    n, i, x) {
    x[1] = a; x[2] = b; x[3] = c; x[4] = d; x[5] = e; x[6] = f; x[7] = g; x[8] = h; x[9] = j; x[10] = k
    for (n = 10; n > 1 && x[n] == ""; n--) ;
    for (i = 1; i <= n; i++) printf "%s%s", (i > 1 ? "\037" : ""), x[i]
    printf "\n"
}
function host(s) { gsub(/[^A-Za-z0-9.-]/, "", s); return s }
function yes(s) { return s ~ /^([Tt]rue|TRUE|[Yy]es|YES|[Oo]n|ON|1)$/ }
# shell-quote one word
function q(s) { gsub(/'/, "'\\''", s); return "'" s "'" }
# flow list "[ sh, -c, \"a b\" ]" -> shell words
function flow(s,    i, n, ch, w, res, dq, sq, inw) {
    s = substr(s, 2, length(s) - 2)
    n = length(s); res = ""; w = ""; dq = 0; sq = 0; inw = 0
    for (i = 1; i <= n + 1; i++) {
        ch = (i <= n) ? substr(s, i, 1) : ","
        if (dq) {
            if (ch == "\\" && i < n) { i++; w = w substr(s, i, 1) }
            else if (ch == "\"") dq = 0
            else w = w ch
        } else if (sq) {
            if (ch == "'" && substr(s, i + 1, 1) == "'") { i++; w = w ch }
            else if (ch == "'") sq = 0
            else w = w ch
        } else if (ch == "\"") { dq = 1; inw = 1 }
        else if (ch == "'") { sq = 1; inw = 1 }
        else if (ch == ",") {
            sub(/^[ \t]+/, "", w); sub(/[ \t]+$/, "", w)
            if (inw || w != "") res = res (res == "" ? "" : " ") q(w)
            w = ""; inw = 0
        } else w = w ch
    }
    return res
}

{
    t = index($0, "\t")
    if (!t) next
    k = substr($0, 1, t - 1)
    v = substr($0, t + 1)
    c = index(k, ":")
    file = substr(k, 1, c - 1)
    p = substr(k, c + 1)
    if (v == "[]" || v == "{}" || v == "~" || v == "null") v = ""

    if (file == "meta-data") {
        if (p == "instance-id") iid = v
        else if (p == "local-hostname") md_host = v
    } else if (file == "user-data") {
        if (p == "hostname") ud_host = v
        else if (p == "fqdn") ud_fqdn = v
        else if (p == "preserve_hostname") preserve = yes(v)
        else if (p ~ /^ssh_authorized_keys\.[0-9]+$/ && v != "") keys[++nkeys] = v
        else if (p ~ /^chpasswd\.users\.[0-9]+\.(name|password|type)$/) {
            split(p, a, ".")
            if (!(a[3] in useen)) { useen[a[3]] = 1; users[++nusers] = a[3] }
            ufield[a[3], a[4]] = v
        } else if (p ~ /^runcmd\.[0-9]+$/) {
            cmds[++ncmds] = (v ~ /^\[.*\]$/) ? flow(v) : v
        } else if (p ~ /^runcmd\.[0-9]+\.[0-9]+$/) {   # nested block list
            split(p, a, ".")
            if (a[2] != lastcmd) { ncmds++; lastcmd = a[2]; cmds[ncmds] = q(v) }
            else cmds[ncmds] = cmds[ncmds] " " q(v)
        }
    } else if (file == "network-config") {
        sub(/^network\./, "", p)                # optional "network:" wrapper
        if (p !~ /^ethernets\./) next
        rest = substr(p, 11)
        d = index(rest, ".")
        if (!d) next
        id = substr(rest, 1, d - 1)
        rest = substr(rest, d + 1)
        if (!(id in iseen)) { iseen[id] = 1; ids[++nids] = id }
        if (rest == "match.macaddress") mac[id] = tolower(v)
        else if (rest == "set-name") setname[id] = v
        else if (rest == "mtu") mtu[id] = v
        else if (rest == "dhcp4") dhcp[id] = yes(v)
        else if (rest == "gateway4") gw4[id] = v
        else if (rest ~ /^addresses\.[0-9]+$/) addrs[id] = addrs[id] (addrs[id] == "" ? "" : " ") v
        else if (rest ~ /^routes\.[0-9]+\.(to|via)$/) {
            split(rest, a, ".")
            route[id, a[2], a[3]] = v
            if (a[3] == "to" && (v == "default" || v == "0.0.0.0/0")) defroute[id] = a[2]
            if (a[3] == "to" && v == "::/0") defroute6[id] = a[2]
        }
        else if (rest == "gateway6") gw6[id] = v
        else if (rest == "accept-ra") ra[id] = yes(v) ? 1 : 0
        else if (rest ~ /^nameservers\.addresses\.[0-9]+$/) dns[++ndns] = v
        else if (rest ~ /^nameservers\.search\.[0-9]+$/) search[++nsearch] = v
    }
}

END {
    out("iid", iid)
    h = host(md_host != "" ? md_host : (ud_host != "" ? ud_host : ud_fqdn))
    if (h != "") out("hostname", h)
    if (ud_fqdn != "") out("fqdn", host(ud_fqdn))
    if (preserve) out("preserve", 1)
    for (i = 1; i <= nkeys; i++) out("key", keys[i])
    for (i = 1; i <= nusers; i++) {
        u = users[i]
        if (ufield[u, "name"] == "" || ufield[u, "password"] == "") continue
        t = ufield[u, "type"]
        if (t == "") t = (ufield[u, "password"] ~ /^\$[0-9a-z]+\$/) ? "hash" : "text"
        out("passwd", ufield[u, "name"], tolower(t), ufield[u, "password"])
    }
    for (i = 1; i <= ncmds; i++) if (cmds[i] != "") out("runcmd", cmds[i])
    for (i = 1; i <= nids; i++) {
        id = ids[i]
        g = (id in defroute) ? route[id, defroute[id], "via"] : gw4[id]
        g6 = (id in defroute6) ? route[id, defroute6[id], "via"] : gw6[id]
        out("if", id, mac[id], setname[id], mtu[id], dhcp[id] ? 1 : 0, g, g6, (id in ra) ? ra[id] : "", addrs[id])
    }
    for (i = 1; i <= ndns; i++) out("dns", dns[i])
    for (i = 1; i <= nsearch; i++) out("search", search[i])
}
