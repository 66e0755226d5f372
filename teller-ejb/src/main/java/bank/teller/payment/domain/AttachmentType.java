package bank.teller.payment.domain;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a claim's attachment may be, a scanned receipt: a PDF, a PNG or a JPEG image, at most
 * {@link #MAX_BYTES}. Its name's extension says which it claims to be and its first bytes must say
 * the same (a file whose content is not what its extension says is refused).
 */
public enum AttachmentType {
    PDF("application/pdf", List.of(".pdf"), new byte[] {'%', 'P', 'D', 'F', '-'}),
    PNG("image/png", List.of(".png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}),
    JPEG("image/jpeg", List.of(".jpg", ".jpeg"), new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});

    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private final String contentType;
    private final List<String> extensions;
    private final byte[] magic;

    AttachmentType(String contentType, List<String> extensions, byte[] magic) {
        this.contentType = contentType;
        this.extensions = extensions;
        this.magic = magic;
    }

    /**
     * The type of {@code content} named {@code fileName}: ATTACHMENT_TYPE_NOT_ALLOWED for another
     * extension, ATTACHMENT_TOO_LARGE, ATTACHMENT_UNREADABLE when empty, ATTACHMENT_TYPE_MISMATCH when
     * the content is not what the extension says.
     */
    public static AttachmentType of(String fileName, byte[] content) {
        String name = fileName.toLowerCase(Locale.ROOT);
        AttachmentType named = Arrays.stream(values()).filter(t -> t.extensions.stream().anyMatch(name::endsWith))
                .findFirst().orElseThrow(() -> new TellerException(ErrorCode.ATTACHMENT_TYPE_NOT_ALLOWED, fileName));
        if (content.length == 0) {
            throw new TellerException(ErrorCode.ATTACHMENT_UNREADABLE, fileName);
        }
        if (content.length > MAX_BYTES) {
            throw new TellerException(ErrorCode.ATTACHMENT_TOO_LARGE, fileName, MAX_BYTES);
        }
        if (!named.begins(content)) {
            String actual = Arrays.stream(values()).filter(t -> t.begins(content)).map(Enum::name).findFirst()
                    .orElse("something else");
            throw new TellerException(ErrorCode.ATTACHMENT_TYPE_MISMATCH, fileName, named, actual);
        }
        return named;
    }

    private boolean begins(byte[] content) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    public String contentType() {
        return contentType;
    }
}
