package bank.teller.web.api;

import bank.teller.account.application.AccountQueries;
import bank.teller.account.domain.CardProduct;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Every path and query parameter, decoded, is checked before an operation sees it, as bodies are
 * ({@link WellFormedJson}): at most {@value #MAX_LENGTH} characters, no control character (a NUL
 * that PostgreSQL refuses), no byte that is not UTF-8 (decoded as U+FFFD) and no half of a
 * surrogate pair. Anything else is VALIDATION_FAILED, naming the parameter; what the operation
 * then checks (an account number's digits, a date) stays its own. And no card number of the bank
 * travels in an address, where logs and browser histories keep it (CARD_NUMBER_IN_ADDRESS): a card
 * is looked up with its number in a body.
 */
@Provider
public class WellFormedAddress implements ContainerRequestFilter {

    /** Long enough for the longest list an operation takes: a page of account numbers, comma-separated. */
    static final int MAX_LENGTH = 20 * AccountQueries.MAX_PAGE_SIZE;
    private static final CardProduct CARDS = CardProduct.fromSystemProperties();

    @Override
    public void filter(ContainerRequestContext request) {
        check(request.getUriInfo().getPathParameters(true));
        check(request.getUriInfo().getQueryParameters(true));
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (wrongIn(name) != null) {
                throw new TellerException(ErrorCode.VALIDATION_FAILED, "a parameter", "its name: " + wrongIn(name));
            }
            for (String value : parameter.getValue()) {
                if (wrongIn(value) != null) {
                    throw new TellerException(ErrorCode.VALIDATION_FAILED, Text.abbreviated(name, 40), wrongIn(value));
                }
                if (Arrays.stream(value.split(",")).anyMatch(CARDS::isCardNumber)) {
                    throw new TellerException(ErrorCode.CARD_NUMBER_IN_ADDRESS);
                }
            }
        }
    }

    /** What is wrong with the value, or null. */
    static String wrongIn(String value) {
        if (value.length() > MAX_LENGTH) {
            return "longer than " + MAX_LENGTH + " characters";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                return "a control character in the address";
            }
            if (c == '\uFFFD') {
                return "bytes that are not UTF-8 in the address";
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++; // a whole character beyond the BMP
            } else if (Character.isSurrogate(c)) {
                return "half a character in the address";
            }
        }
        return null;
    }
}
