package bank.teller.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A rolling upgrade (issue 20) runs the new release on one node while the release before still runs on
 * the other, on the same schema: from {@value #FIRST_ROLLING} on, a changelog may only expand it (new
 * tables, new nullable columns or columns with a default, new indexes), never take away or change what
 * the release before reads or writes. A contraction — dropping or renaming a table or column, changing a
 * column's type, making one NOT NULL without a default — belongs to a later release than the one that
 * stopped using it, and says so in its changeset: {@code -- contract: unread since vNNN}, naming the
 * earlier changelog after which nothing reads it. This test holds every changelog to that.
 */
class SchemaChangesTest {

    /** The first changelog written for two nodes; the ones before never ran beside an older release. */
    static final int FIRST_ROLLING = 54;
    private static final Path CHANGELOGS = Path.of("src/main/resources/db/changelog");
    private static final Pattern FILE = Pattern.compile("v(\\d{3})-.*\\.sql");
    private static final Pattern CONTRACT = Pattern.compile("--\\s*contract: unread since v(\\d{3})");
    private static final List<Pattern> CONTRACTIONS = List.of(
            Pattern.compile("\\bDROP\\s+(TABLE|COLUMN|VIEW|SEQUENCE)\\b"),
            Pattern.compile("\\bRENAME\\b"),
            Pattern.compile("\\bALTER\\s+COLUMN\\s+\\S+\\s+(SET\\s+DATA\\s+)?TYPE\\b"),
            Pattern.compile("\\bSET\\s+NOT\\s+NULL\\b"),
            Pattern.compile("\\bADD\\s+(COLUMN\\s+)?(?![^,;]*\\bDEFAULT\\b)[^,;]*\\bNOT\\s+NULL\\b"));

    @Test
    void changelogsSinceTwoNodesOnlyExpandTheSchemaOrSayWhatTheyContract() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : changelogs()) {
            Matcher name = FILE.matcher(file.getFileName().toString());
            int version = name.matches() ? Integer.parseInt(name.group(1)) : 0;
            if (version < FIRST_ROLLING) {
                continue;
            }
            for (String changeset : Files.readString(file).split("--changeset ")) {
                String sql = withoutComments(changeset).toUpperCase(Locale.ROOT);
                boolean contracts = CONTRACTIONS.stream().anyMatch(p -> p.matcher(sql).find());
                Matcher contract = CONTRACT.matcher(changeset);
                if (contracts && !contract.find()) {
                    problems.add(file.getFileName() + ": a contraction without '-- contract: unread since vNNN'");
                } else if (contracts && Integer.parseInt(contract.group(1)) >= version) {
                    problems.add(file.getFileName() + ": contracts what is unread only since v" + contract.group(1)
                            + ", not an earlier release");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theGuardKnowsAContractionWhenItSeesOne() {
        assertTrue(CONTRACTIONS.stream().anyMatch(p -> p.matcher("ALTER TABLE A DROP COLUMN B;").find()));
        assertTrue(CONTRACTIONS.stream().anyMatch(p -> p.matcher("ALTER TABLE A ADD COLUMN B INT NOT NULL;").find()));
        assertTrue(CONTRACTIONS.stream().noneMatch(p -> p.matcher("ALTER TABLE A ADD COLUMN B INT NOT NULL DEFAULT 0;").find()));
        assertTrue(CONTRACTIONS.stream().noneMatch(p -> p.matcher("ALTER TABLE A ADD COLUMN B INT DEFAULT 0 NOT NULL;").find()));
        assertTrue(CONTRACTIONS.stream().noneMatch(p -> p.matcher("ALTER TABLE A ADD COLUMN B VARCHAR(44);").find()));
        assertTrue(CONTRACTIONS.stream().noneMatch(p -> p.matcher("CREATE TABLE A (ID BIGINT NOT NULL PRIMARY KEY);").find()));
    }

    private static List<Path> changelogs() throws IOException {
        try (Stream<Path> files = Files.list(CHANGELOGS)) {
            return files.filter(f -> FILE.matcher(f.getFileName().toString()).matches()).sorted().toList();
        }
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("(?m)--.*$", "");
    }
}
