package bank.core.sim;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The core system's own book of what Teller announced: each posting booked once per its messageId
 * (a message delivered again is the booking made before), with the core's own reference. Kept in an
 * append-only file of its own ({@code core-sim/bookings.jsonl} under the server's data directory, one
 * JSON object a line), read back at start, so a restart forgets nothing it booked.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CoreBook {

    /** One booking: the posting as Teller sent it, the core's reference and the core's business date. */
    public record Booking(String messageId, long entryId, String coreRef, String businessDate, JsonObject posting) {

        JsonObject json() {
            return Json.createObjectBuilder().add("messageId", messageId).add("entryId", entryId).add("coreRef", coreRef)
                    .add("businessDate", businessDate).add("posting", posting).build();
        }

        static Booking of(JsonObject json) {
            return new Booking(json.getString("messageId"), json.getJsonNumber("entryId").longValue(),
                    json.getString("coreRef"), json.getString("businessDate"), json.getJsonObject("posting"));
        }
    }

    private final Map<String, Booking> byMessage = new LinkedHashMap<>();
    /** Each posting's messageId with the JMS ids of the messages that brought it (Teller's sends). */
    private final Map<String, Set<String>> sends = new HashMap<>();
    private final Clock clock = Clock.systemDefaultZone();
    private Path file;
    private long sequence;

    private Path sendsFile;

    @PostConstruct
    void open() {
        file = Path.of(System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")), "core-sim",
                "bookings.jsonl");
        sendsFile = file.resolveSibling("sends.tsv");
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        Booking booking = Booking.of(Json.createReader(new StringReader(line)).readObject());
                        byMessage.putIfAbsent(booking.messageId(), booking);
                        sequence++;
                    }
                }
            }
            if (Files.exists(sendsFile)) {
                for (String line : Files.readAllLines(sendsFile, StandardCharsets.UTF_8)) {
                    String[] fields = line.split("\t");
                    if (fields.length == 2) {
                        sends.computeIfAbsent(fields[0], m -> new HashSet<>()).add(fields[1]);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("core simulator: its book " + file + " cannot be read", e);
        }
    }

    /**
     * Notes that a message with JMS id {@code jmsMessageId} brought posting {@code messageId}. The broker
     * delivering one message again keeps its JMS id; a second JMS id is a second send by Teller.
     */
    public synchronized void received(String messageId, String jmsMessageId) {
        if (jmsMessageId != null && sends.computeIfAbsent(messageId, m -> new HashSet<>()).add(jmsMessageId)) {
            try (BufferedWriter out = Files.newBufferedWriter(sendsFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
                out.write(messageId + "\t" + jmsMessageId);
                out.newLine();
            } catch (IOException e) {
                throw new UncheckedIOException("core simulator: " + sendsFile + " cannot be written", e);
            }
        }
    }

    /** How many postings Teller's messages brought, and those that came in more than one message. */
    public synchronized Sends sends() {
        return new Sends(sends.size(), sends.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey).sorted().toList());
    }

    /** What {@link #sends} finds. */
    public record Sends(int postings, List<String> sentTwice) {
    }

    /** Books the posting once per its messageId; the booking (the earlier one for a message seen before). */
    public synchronized Booking book(JsonObject posting) {
        String messageId = posting.getString("messageId");
        Booking known = byMessage.get(messageId);
        return known != null ? known : append(messageId, posting);
    }

    /**
     * Books {@code posting} under a key of its own, whatever was booked before: a second booking of a
     * posting (the TWICE misbehaviour), or one Teller never sent (a phantom).
     */
    public synchronized Booking bookAgain(String key, JsonObject posting) {
        return append(key, posting);
    }

    private Booking append(String key, JsonObject posting) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        Booking booking = new Booking(key, posting.getJsonNumber("entryId").longValue(),
                "CORE" + today.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%010d", ++sequence),
                posting.getString("businessDate"), posting);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            out.write(booking.json().toString());
            out.newLine();
        } catch (IOException e) {
            sequence--;
            throw new UncheckedIOException("core simulator: " + key + " cannot be booked", e);
        }
        byMessage.put(key, booking);
        return booking;
    }

    /** The booking of a posting's messageId, if it was booked. */
    public synchronized Optional<Booking> ofMessage(String messageId) {
        return Optional.ofNullable(byMessage.get(messageId));
    }

    /** The messageId the booking acknowledges: the posting's own, also for its second booking. */
    static String messageIdOf(Booking booking) {
        return booking.posting().getString("messageId", booking.messageId());
    }

    /** What was booked for Teller's entry, if anything (the first booking). */
    public synchronized Optional<Booking> ofEntry(long entryId) {
        return byMessage.values().stream().filter(b -> b.entryId() == entryId).findFirst();
    }

    /** Everything booked for Teller's business date {@code date}, in booking order. */
    public synchronized List<Booking> ofDate(String date) {
        return new ArrayList<>(byMessage.values().stream().filter(b -> b.businessDate().equals(date)).toList());
    }
}
