# mime-split.awk - split a MIME multipart user-data (cloud-init's format for
# several parts, which the panel sends when the customer gave user data of
# their own) into its parts:
#     DIR/N/user-data      a text/cloud-config part (flattened like a plain
#                          "#cloud-config" user-data; the name keeps the
#                          "user-data:" tag of yaml-flat.awk)
#     DIR/N.sh             a text/x-shellscript part
# Other part types are skipped.  Only what the panel sends is supported: one
# level of parts, 7bit/8bit bodies.  Written for busybox awk.
# Usage: awk -v dir=DIR -f mime-split.awk user-data

{ sub(/\r$/, "") }

# the top-level headers, until the boundary is known
!boundary {
    if (match($0, /boundary="[^"]*"/)) boundary = substr($0, RSTART + 10, RLENGTH - 11)
    else if (match($0, /boundary=[^; ]+/)) boundary = substr($0, RSTART + 9, RLENGTH - 9)
    next
}

$0 == "--" boundary "--" { if (out != "") close(out); exit }

$0 == "--" boundary {
    if (out != "") close(out)
    n++; state = "headers"; type = ""; out = ""
    next
}

state == "headers" {
    if ($0 == "") {
        state = "body"
        if (type == "text/cloud-config") {
            system("mkdir -p '" dir "/" n "'")
            out = dir "/" n "/user-data"
        } else if (type == "text/x-shellscript") {
            out = dir "/" n ".sh"
        }
        next
    }
    h = tolower($0)
    if (h ~ /^content-type:/) {
        sub(/^content-type:[ \t]*/, "", h); sub(/[ \t]*;.*/, "", h); type = h
    }
    next
}

state == "body" && out != "" { print > out }
