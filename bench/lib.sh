# Shared by bench/run and bench/proof: PostgreSQL, and Teller's WildFly on it, on loopback only.
# Source it from the repository root after setting HOME_DIR (the server's copy) and DB (the database).

. ./teller # log, pg_admin, ensure_statement_statistics
pg_user() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

# A fresh database $DB owned by the role of the same name (password = name).
fresh_database() {
    pg_isready -q -h localhost || { log "starting PostgreSQL"; service postgresql start; sleep 2; }
    pg_admin -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB') THEN CREATE ROLE $DB LOGIN PASSWORD '$DB'; END IF; END \$\$;"
    pg_admin -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB OWNER $DB"
}

# pg_stat_statements loaded (a restart of PostgreSQL, once) and readable in $DB by its role.
statement_statistics() {
    ensure_statement_statistics "$DB"
}

build_unless_skipped() {
    if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
        log "building"
        mvn -B -q clean install -DskipTests -DskipITs
    fi
}

# A new copy of the provisioned WildFly in $HOME_DIR with teller.ear, switched to PostgreSQL.
provision_server() {
    if curl -s -o /dev/null http://localhost:9990; then
        echo "a server already listens on localhost:9990; stop it first" >&2
        exit 1
    fi
    rm -rf "$HOME_DIR" && mkdir -p "$HOME_DIR"
    cp -a wildfly-config/target/wildfly/. "$HOME_DIR"/
    "$HOME_DIR"/bin/jboss-cli.sh --file=wildfly-config/src/main/cli/use-postgres.cli >/dev/null
    cp teller-ear/target/teller.ear "$HOME_DIR"/standalone/deployments/
    # the clearing system's simulator answers the workload's wires (a deployable of its own, as in ./teller run)
    cp clearing-sim/target/clearing-sim.war "$HOME_DIR"/standalone/deployments/
    cp core-sim/target/core-sim.war "$HOME_DIR"/standalone/deployments/
}

# Starts the server in the background (heap 1 GiB, demo users; JFR keeps whole stacks, for bench/run's
# profile) and waits until Teller answers.
start_server() {
    TELLER_DB_NAME=$DB TELLER_DB_USER=$DB TELLER_DB_PASSWORD=$DB \
    JAVA_OPTS="-Xms1g -Xmx1g -Djava.net.preferIPv4Stack=true -XX:FlightRecorderOptions:stackdepth=1024 ${SERVER_OPTS:-}" \
        "$HOME_DIR"/bin/standalone.sh -c standalone-full.xml -Dteller.demo-data=true >> "$HOME_DIR/console.out" 2>&1 &
    for _ in $(seq 1 180); do
        [ "$(curl -sk -o /dev/null -w '%{http_code}' https://localhost:8443/teller/login.xhtml)" = 200 ] && return 0
        sleep 1
    done
    echo "Teller did not start: see $HOME_DIR/standalone/log/server.log" >&2
    exit 1
}

# The server's JVM (not the standalone.sh wrapper).
server_pid() {
    pgrep -f "jboss-modules.jar.*-Djboss.home.dir=$PWD/$HOME_DIR" | head -1
}

stop_server() {
    "$HOME_DIR"/bin/jboss-cli.sh -c :shutdown >/dev/null 2>&1 || true
    sleep 2
    pkill -f "jboss.home.dir=$PWD/$HOME_DIR" 2>/dev/null || true
}

# java with the bench module's classes (mvn install builds them), told where $DB is.
bench_java() {
    java -cp "bench/target/classes:bench/target/lib/*" \
        -Djdbc="jdbc:postgresql://${TELLER_DB_HOSTS:-localhost:${TELLER_DB_PORT:-5432}}/$DB?targetServerType=primary" -Djdbc.user="$DB" -Djdbc.password="$DB" "$@"
}
