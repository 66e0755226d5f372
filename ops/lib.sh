# Shared by ops/backup, ops/restore and ops/rehearse: which PostgreSQL cluster holds Teller's database,
# where its backups go, and running PostgreSQL's tools as the postgres user. Source from the repository root.
. ./teller # log

CLUSTER=${TELLER_PG_CLUSTER:-15/main}
PG_VERSION=${CLUSTER%%/*}
PG_NAME=${CLUSTER#*/}
PGBIN=/usr/lib/postgresql/$PG_VERSION/bin
BACKUP_DIR=$(realpath -m "${TELLER_BACKUP_DIR:-run/backup}")
KEEP=${TELLER_BACKUP_KEEP:-7}
ARCHIVE_TIMEOUT=${TELLER_BACKUP_ARCHIVE_TIMEOUT:-60}

as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

# The port a cluster listens on (Debian's pg_lsclusters), empty if there is no such cluster.
cluster_port() {
    pg_lsclusters -h 2>/dev/null | awk -v v="$1" -v n="$2" '$1 == v && $2 == n { print $3 }'
}

cluster_running() {
    pg_lsclusters -h 2>/dev/null | awk -v v="$1" -v n="$2" '$1 == v && $2 == n { print $4 }' | grep -q online
}

PORT=$(cluster_port "$PG_VERSION" "$PG_NAME")

sql() { # sql PORT [DATABASE] STATEMENT: the statement's one value
    local port=$1 db=postgres
    if [ $# -eq 3 ]; then db=$2; shift; fi
    as_postgres psql -p "$port" -d "$db" -v ON_ERROR_STOP=1 -qtAc "$2"
}

require_cluster() {
    if [ -z "$PORT" ]; then
        echo "no PostgreSQL cluster $CLUSTER (TELLER_PG_CLUSTER; pg_lsclusters lists them)" >&2
        exit 1
    fi
    cluster_running "$PG_VERSION" "$PG_NAME" || pg_ctlcluster "$PG_VERSION" "$PG_NAME" start
}

# WAL archiving on into $BACKUP_DIR/wal (ALTER SYSTEM; turning archive_mode on takes a restart, once).
ensure_archiving() {
    require_cluster
    mkdir -p "$BACKUP_DIR/wal" "$BACKUP_DIR/base"
    chown postgres: "$BACKUP_DIR" "$BACKUP_DIR/wal" "$BACKUP_DIR/base"
    chmod 700 "$BACKUP_DIR"
    if ! as_postgres test -w "$BACKUP_DIR/wal"; then
        echo "the postgres user cannot write $BACKUP_DIR/wal (a folder above it is closed to it): set TELLER_BACKUP_DIR" >&2
        exit 1
    fi
    local wal="$BACKUP_DIR/wal" command
    # copied under another name, then renamed: an archived segment is whole or absent; never overwritten
    command="test ! -f $wal/%f && cp %p $wal/%f.part && mv $wal/%f.part $wal/%f"
    local mode current
    mode=$(sql "$PORT" "SHOW archive_mode")
    current=$(sql "$PORT" "SHOW archive_command")
    if [ "$current" != "$command" ] || [ "$(sql "$PORT" \
            "SELECT setting FROM pg_settings WHERE name = 'archive_timeout'")" != "$ARCHIVE_TIMEOUT" ]; then
        log "WAL archiving of cluster $CLUSTER into $wal (a segment at least every ${ARCHIVE_TIMEOUT}s)"
        sql "$PORT" "ALTER SYSTEM SET archive_command = '$command'" >/dev/null
        sql "$PORT" "ALTER SYSTEM SET archive_timeout = $ARCHIVE_TIMEOUT" >/dev/null
        sql "$PORT" "SELECT pg_reload_conf()" >/dev/null
    fi
    if [ "$mode" != on ]; then
        log "turning archive_mode on: restarting cluster $CLUSTER"
        sql "$PORT" "ALTER SYSTEM SET archive_mode = on" >/dev/null
        pg_ctlcluster "$PG_VERSION" "$PG_NAME" restart
    fi
}

list_backups() {
    [ -d "$BACKUP_DIR/base" ] || { echo "no backups in $BACKUP_DIR"; return; }
    for b in $(ls -1 "$BACKUP_DIR/base" | sort); do
        printf '%s  consistent at %s  %s\n' "$b" "$(cat "$BACKUP_DIR/base/$b/finished" 2>/dev/null || echo '?')" \
            "$(du -sh "$BACKUP_DIR/base/$b" | cut -f1)"
    done
    echo "archived WAL: $(ls -1 "$BACKUP_DIR/wal" 2>/dev/null | wc -l) files"
}
