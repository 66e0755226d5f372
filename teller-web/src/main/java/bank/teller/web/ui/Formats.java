package bank.teller.web.ui;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * How the screens show amounts and times: amounts with thousands separators and two decimals;
 * instants in the branch's time zone as {@code yyyy-MM-dd HH:mm:ss}.
 */
@Named
@ApplicationScoped
public class Formats {

    /** The branch's zone; all branches are in China Standard Time for now. */
    static final ZoneId BRANCH_ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(BRANCH_ZONE);

    public String amount(String plain) {
        if (plain == null || plain.isBlank()) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setParseBigDecimal(true);
        return format.format(new BigDecimal(plain));
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** The day of the week of a {@code yyyy-MM-dd} date, in the screen's language. */
    public String weekday(String date) {
        return LocalDate.parse(date).getDayOfWeek().getDisplayName(TextStyle.SHORT,
                Screens.chinese() ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH);
    }
}
