package mn.zasag.documents.internal;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;

/**
 * Lays out one issued document as an A4 PDF: the state and the issuing agency, the title, the holder, the facts
 * as label/value rows, the issue date, and at the foot a QR code of the verification URL with the short code
 * printed beside it. Text is in DejaVu Sans (embedded, subset), which has the Mongolian Cyrillic letters Ө and Ү.
 * The lower left corner of page 1 is left empty: the agency's seal draws its visible block there.
 */
public final class DocumentPdf {

    /** Everything printed, already in the document's language. */
    public record Content(String language, String state, String agency, String title, List<Row> rows,
                          String codeLabel, String code, String verifyLabel, String verifyUrl, String footer,
                          Calendar created) {
    }

    /** One label/value row. */
    public record Row(String label, String value) {
    }

    private static final float MARGIN = 56;
    private static final float LABEL_WIDTH = 170;
    /** 29 modules (version 3) of about 4.4 pt (1.5 mm): far larger than any stroke of the text beside it. */
    private static final float QR_SIZE = 128;
    /** Room kept at the foot of every page: the QR code and short code on page 1, the seal's block under them. */
    private static final float FOOT = 262;
    private static final float[] INK = {0.1f, 0.1f, 0.1f};
    private static final float[] MUTED = {0.33f, 0.33f, 0.33f};

    private DocumentPdf() {
    }

    public static byte[] render(Content content) {
        try (PDDocument document = new PDDocument()) {
            PDType0Font font;
            try (InputStream ttf = DocumentPdf.class.getResourceAsStream("/fonts/DejaVuSans.ttf")) {
                font = PDType0Font.load(document, ttf);
            }
            Writer writer = new Writer(document, font);
            PDPage first = writer.page;
            writer.centered(content.state(), 10, MUTED);
            writer.gap(4);
            writer.centered(content.agency(), 13, INK);
            writer.gap(8);
            writer.rule();
            writer.gap(22);
            writer.centered(content.title(), 18, INK);
            writer.gap(22);
            for (Row row : content.rows()) {
                writer.row(row.label(), row.value());
                writer.gap(8);
            }
            foot(document, first, font, content);

            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(content.title());
            info.setAuthor(content.agency());
            info.setSubject(content.code());
            info.setCreator("Zasag");
            info.setProducer("Zasag (Apache PDFBox)");
            info.setCreationDate(content.created());
            document.getDocumentCatalog().setLanguage(content.language());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out the document", e);
        }
    }

    public static Calendar calendar(java.time.Instant at) {
        GregorianCalendar calendar = GregorianCalendar.from(at.atZone(java.time.ZoneId.of("Asia/Ulaanbaatar")));
        calendar.setTimeZone(java.util.TimeZone.getTimeZone("Asia/Ulaanbaatar"));
        return calendar;
    }

    /** The QR code at the bottom right of page 1, the code and the URL to its left, above the seal's block. */
    private static void foot(PDDocument document, PDPage page, PDType0Font font, Content content) throws IOException {
        PDRectangle box = page.getMediaBox();
        float qrX = box.getWidth() - MARGIN - QR_SIZE;
        float qrY = MARGIN + 56;
        try (PDPageContentStream stream = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true)) {
            qr(stream, content.verifyUrl(), qrX, qrY, QR_SIZE);
            float x = MARGIN;
            float width = qrX - MARGIN - 28;
            float y = qrY + QR_SIZE;
            y = text(stream, font, content.codeLabel(), 9, MUTED, x, y, width);
            y = text(stream, font, content.code(), 18, INK, x, y - 8, width);
            y = text(stream, font, content.verifyLabel(), 9, MUTED, x, y - 6, width);
            y = text(stream, font, content.verifyUrl(), 9, INK, x, y, width);
            text(stream, font, content.footer(), 8, MUTED, x, y - 6, width);
        }
    }

    private static float text(PDPageContentStream stream, PDType0Font font, String text, float size, float[] colour,
                              float x, float y, float width) throws IOException {
        for (String line : wrap(font, text, size, width)) {
            stream.beginText();
            stream.setFont(font, size);
            stream.setNonStrokingColor(colour[0], colour[1], colour[2]);
            stream.newLineAtOffset(x, y - size);
            stream.showText(line);
            stream.endText();
            y -= size * 1.3f;
        }
        return y;
    }

    /** Draws the QR code as filled squares (vector: sharp at any zoom), one rectangle per run of dark modules. */
    static void qr(PDPageContentStream stream, String text, float x, float y, float size) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode the verification URL as a QR code", e);
        }
        int modules = matrix.getWidth();
        float module = size / modules;
        stream.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < modules; row++) {
            int col = 0;
            while (col < modules) {
                if (!matrix.get(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < modules && matrix.get(col, row)) {
                    col++;
                }
                stream.addRect(x + start * module, y + (modules - 1 - row) * module, (col - start) * module, module);
            }
        }
        stream.fill();
    }

    /** Greedy word wrap; a word longer than the line is broken between characters. */
    static List<String> wrap(PDType0Font font, String text, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        String clean = printable(font, text == null ? "" : text);
        StringBuilder line = new StringBuilder();
        for (String word : clean.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (widthOf(font, candidate, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            for (int i = 0; i < word.length(); ) {
                int cp = word.codePointAt(i);
                String next = line.toString() + new String(Character.toChars(cp));
                if (!line.isEmpty() && widthOf(font, next, size) > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static float widthOf(PDType0Font font, String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** Control characters become spaces, characters the font cannot show become «?», so a value never breaks the PDF. */
    static String printable(PDType0Font font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                out.append(' ');
                return;
            }
            String s = new String(Character.toChars(cp));
            try {
                font.encode(s);
                out.append(s);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    /** Writes top-down, adding a page when the foot is reached. */
    private static final class Writer {
        private final PDDocument document;
        private final PDType0Font font;
        private PDPage page;
        private float y;
        private final float width;

        Writer(PDDocument document, PDType0Font font) {
            this.document = document;
            this.font = font;
            this.page = newPage();
            this.width = page.getMediaBox().getWidth() - 2 * MARGIN;
        }

        private PDPage newPage() {
            PDPage p = new PDPage(PDRectangle.A4);
            document.addPage(p);
            y = p.getMediaBox().getHeight() - MARGIN;
            return p;
        }

        private PDPageContentStream stream() throws IOException {
            return new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true);
        }

        void gap(float points) {
            y -= points;
        }

        private void room(float needed) {
            if (y - needed < FOOT) {
                page = newPage();
            }
        }

        void centered(String text, float size, float[] colour) throws IOException {
            List<String> lines = wrap(font, text, size, width);
            room(lines.size() * size * 1.3f);
            try (PDPageContentStream stream = stream()) {
                for (String line : lines) {
                    float w = widthOf(font, line, size);
                    stream.beginText();
                    stream.setFont(font, size);
                    stream.setNonStrokingColor(colour[0], colour[1], colour[2]);
                    stream.newLineAtOffset(MARGIN + (width - w) / 2, y - size);
                    stream.showText(line);
                    stream.endText();
                    y -= size * 1.3f;
                }
            }
        }

        void rule() throws IOException {
            try (PDPageContentStream stream = stream()) {
                stream.setStrokingColor(0.1f, 0.3f, 0.6f);
                stream.setLineWidth(1.2f);
                stream.moveTo(MARGIN, y);
                stream.lineTo(MARGIN + width, y);
                stream.stroke();
            }
        }

        void row(String label, String value) throws IOException {
            float labelSize = 9.5f;
            float valueSize = 11;
            List<String> labels = wrap(font, label, labelSize, LABEL_WIDTH - 12);
            List<String> values = wrap(font, value, valueSize, width - LABEL_WIDTH);
            float height = Math.max(labels.size() * labelSize * 1.3f, values.size() * valueSize * 1.3f);
            room(height);
            try (PDPageContentStream stream = stream()) {
                float top = y;
                for (String line : labels) {
                    stream.beginText();
                    stream.setFont(font, labelSize);
                    stream.setNonStrokingColor(MUTED[0], MUTED[1], MUTED[2]);
                    stream.newLineAtOffset(MARGIN, top - valueSize);
                    stream.showText(line);
                    stream.endText();
                    top -= labelSize * 1.3f;
                }
                top = y;
                for (String line : values) {
                    stream.beginText();
                    stream.setFont(font, valueSize);
                    stream.setNonStrokingColor(INK[0], INK[1], INK[2]);
                    stream.newLineAtOffset(MARGIN + LABEL_WIDTH, top - valueSize);
                    stream.showText(line);
                    stream.endText();
                    top -= valueSize * 1.3f;
                }
            }
            y -= height;
        }
    }
}
