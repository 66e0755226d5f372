package bank.teller.payment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import org.junit.jupiter.api.Test;

class AttachmentTypeTest {

    private static final byte[] PDF = "%PDF-1.7\n...".getBytes();
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0};

    @Test
    void theNameSaysWhichTypeAndTheFirstBytesMustAgree() {
        assertEquals(AttachmentType.PDF, AttachmentType.of("发票.PDF", PDF));
        assertEquals(AttachmentType.PNG, AttachmentType.of("scan.png", PNG));
        assertEquals(AttachmentType.JPEG, AttachmentType.of("scan.jpeg", JPEG));
        assertEquals(AttachmentType.JPEG, AttachmentType.of("scan.jpg", JPEG));
        assertEquals(ErrorCode.ATTACHMENT_TYPE_MISMATCH, code("scan.pdf", PNG));
        assertEquals(ErrorCode.ATTACHMENT_TYPE_MISMATCH, code("scan.png", "MZ\u0090\u0000".getBytes()));
        assertEquals(ErrorCode.ATTACHMENT_TYPE_NOT_ALLOWED, code("scan.docx", PDF));
        assertEquals(ErrorCode.ATTACHMENT_TYPE_NOT_ALLOWED, code("pdf", PDF));
        assertEquals(ErrorCode.ATTACHMENT_UNREADABLE, code("scan.pdf", new byte[0]));
        assertEquals(ErrorCode.ATTACHMENT_TOO_LARGE, code("scan.pdf", java.util.Arrays.copyOf(PDF,
                AttachmentType.MAX_BYTES + 1)));
    }

    private static ErrorCode code(String name, byte[] content) {
        return assertThrows(TellerException.class, () -> AttachmentType.of(name, content)).code();
    }
}
