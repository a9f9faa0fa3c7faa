package mn.zasag.documents;

import mn.zasag.documents.internal.VerificationThrottle;
import mn.zasag.audit.AuditEvent;
import mn.zasag.audit.AuditTrail;
import mn.zasag.catalog.Agencies;
import mn.zasag.catalog.Agency;
import mn.zasag.documents.internal.DocumentPdf;
import mn.zasag.pki.DocumentSigning;
import mn.zasag.pki.PadesLevel;
import mn.zasag.pki.SignatureValidation;
import mn.zasag.registry.CivilRegistry;
import mn.zasag.registry.Person;
import mn.zasag.shared.Actor;
import mn.zasag.shared.RegisterNumber;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The API other modules use to issue documents and to find the ones issued; it also serves the holder's wallet,
 * the public verification and the issuer's revocation.
 *
 * <p>Issuing lays the document out as a PDF in Mongolian (and English when asked), seals each with the issuing
 * agency's e-seal as PAdES B-LT, stores the sealed bytes with their SHA-256 and audits {@code documents.issued},
 * all in the caller's transaction.
 */
@Service
public class Documents {

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*");
    private static final int MAX_LINES = 60;
    private static final int MAX_VALUE = 2000;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final Locale MN = Locale.forLanguageTag("mn");
    private static final String COLUMNS = """
            select d.id, d.short_code, d.type, d.agency_code, d.holder_register_number, d.holder_name, d.title_mn,
                   d.title_en, d.lines::text, d.source_reference, d.issued_at, d.revoked_at, d.revoked_by,
                   d.revocation_reason, null, null,
                   (select sha256 from documents.rendition r where r.document_id = d.id and r.language = 'mn') sha_mn,
                   (select sha256 from documents.rendition r where r.document_id = d.id and r.language = 'en') sha_en
              from documents.document d
            """;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Agencies agencies;
    private final CivilRegistry registry;
    private final DocumentSigning signing;
    private final SignatureValidation validation;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate separately;
    private final String publicUrl;

    private final VerificationThrottle throttle;

    Documents(JdbcClient jdbc, AuditTrail audit, Agencies agencies, CivilRegistry registry, DocumentSigning signing,
              SignatureValidation validation, MessageSource messages, JsonMapper json, Clock clock,
              PlatformTransactionManager transactions, @Value("${zasag.public-url:http://localhost:8080}") String publicUrl,
              VerificationThrottle throttle) {
        this.throttle = throttle;
        this.jdbc = jdbc;
        this.audit = audit;
        this.agencies = agencies;
        this.registry = registry;
        this.signing = signing;
        this.validation = validation;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    // ---------------------------------------------------------------- the contract

    /** Makes, seals and stores the PDF(s) in the caller's transaction; audited. Idempotent on (type, sourceReference). */
    @Transactional
    public IssuedDocument issue(NewDocument document) {
        check(document);
        if (document.sourceReference() != null) {
            Optional<IssuedDocument> already = bySource(document.type(), document.sourceReference());
            if (already.isPresent()) {
                return already.get();
            }
        }
        Agency agency = agencies.find(document.agencyCode())
                .orElseThrow(() -> DocumentRefused.invalid("document_agency_unknown", "No agency with this code."));
        String rn = RegisterNumber.parse(document.holderRegisterNumber(), clock).value();
        Person holder = registry.own(rn)
                .orElseThrow(() -> DocumentRefused.invalid("document_holder_unknown", "The holder is not in the civil registry."));
        UUID id = UUID.randomUUID();
        ShortCode code = freshCode();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);

        byte[] mn = signing.seal(render(document, agency, holder, code, now, MN), PadesLevel.B_LT, agency.code());
        byte[] en = document.english()
                ? signing.seal(render(document, agency, holder, code, now, Locale.ENGLISH), PadesLevel.B_LT, agency.code())
                : null;

        int inserted = jdbc.sql("""
                        insert into documents.document (id, short_code, type, agency_code, holder_register_number, holder_name,
                               title_mn, title_en, lines, source_reference, issued_at)
                        values (:id, :code, :type, :agency, :rn, :name, :mn, :en, cast(:lines as jsonb), :source, :at)
                        on conflict (type, source_reference) do nothing""")
                .param("id", id).param("code", code.value()).param("type", document.type()).param("agency", agency.code())
                .param("rn", rn).param("name", holder.fullName()).param("mn", document.titleMn().strip())
                .param("en", document.titleEn().strip()).param("lines", json.writeValueAsString(document.lines()))
                .param("source", document.sourceReference()).param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
        if (inserted == 0) {
            // issued by a concurrent transaction that committed first: answer with that one
            return bySource(document.type(), document.sourceReference()).orElseThrow();
        }
        String shaMn = store(id, "mn", mn);
        String shaEn = en == null ? null : store(id, "en", en);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("type", document.type());
        details.put("agency", agency.code());
        details.put("holder", rn);
        details.put("short_code", code.display());
        details.put("sha256_mn", shaMn);
        if (shaEn != null) {
            details.put("sha256_en", shaEn);
        }
        if (document.sourceReference() != null) {
            details.put("source", document.sourceReference());
        }
        audit.record(AuditEvent.success("documents.issued", "document", id.toString()).withDetails(details));
        return find(id.toString()).orElseThrow();
    }

    /** The documents issued from this source (e.g. an application reference), newest first. */
    public List<IssuedDocument> fromSource(String sourceReference) {
        if (sourceReference == null) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + " where d.source_reference = :s order by d.issued_at desc, d.id")
                .param("s", sourceReference).query(this::row).list().stream().map(DocumentDetails::document).toList();
    }

    public Optional<IssuedDocument> find(String id) {
        return details(id).map(DocumentDetails::document);
    }

    // ---------------------------------------------------------------- the holder's wallet

    /** One document with everything shown about it; no ownership check (callers check). */
    public Optional<DocumentDetails> details(String id) {
        UUID uuid = uuid(id);
        if (uuid == null) {
            return Optional.empty();
        }
        return jdbc.sql(COLUMNS + " where d.id = :id").param("id", uuid).query(this::row).optional();
    }

    /** The documents a person holds, newest first. */
    public List<DocumentDetails> heldBy(String registerNumber) {
        return jdbc.sql(COLUMNS + " where d.holder_register_number = :rn order by d.issued_at desc, d.id")
                .param("rn", registerNumber).query(this::row).list();
    }

    /**
     * One of the caller's own documents. Another person's document is answered as not found, and the attempt
     * is audited ({@code documents.access.denied}) in its own transaction.
     */
    public DocumentDetails own(String id, Actor holder) {
        DocumentDetails found = details(id).orElseThrow(DocumentNotFound::new);
        if (holder == null || !found.document().holderRegisterNumber().equals(holder.login())) {
            separately.executeWithoutResult(status -> audit.record(new AuditEvent("documents.access.denied",
                    AuditEvent.Outcome.DENIED, "document", found.document().id(), null,
                    Map.of("holder", found.document().holderRegisterNumber()))));
            throw new DocumentNotFound();
        }
        return found;
    }

    /** The sealed PDF of one of the caller's own documents, byte for byte as issued. */
    public byte[] ownPdf(String id, String language, Actor holder) {
        String lang = language(language);
        DocumentDetails document = own(id, holder);
        return pdf(document.document().id(), lang).orElseThrow(DocumentRefused::languageUnavailable);
    }

    // ---------------------------------------------------------------- public verification

    /**
     * What anyone holding the code may learn: the document with the holder masked, its state, and the check of
     * the seal on the stored PDF.
     *
     * <p>Asked for by a client at {@code clientAddress}: an address that has looked up too many codes matching no
     * document lately is refused ({@link VerificationThrottle}), and a code that matches none counts against it.
     *
     * @throws DocumentCodeInvalid    when the code cannot be one of ours
     * @throws DocumentNotFound       when no document has it
     * @throws VerificationThrottled when the address is refused for now
     */
    public Verification verify(String typedCode, String clientAddress) {
        ShortCode code = ShortCode.parse(typedCode);
        throttle.check(clientAddress);
        DocumentDetails document = jdbc.sql(COLUMNS + " where d.short_code = :c").param("c", code.value())
                .query(this::row).optional().orElse(null);
        if (document == null) {
            throttle.missed(clientAddress);
            throw new DocumentNotFound();
        }
        byte[] pdf = pdf(document.document().id(), "mn").orElseThrow();
        return new Verification(document, maskName(document.holderName()),
                maskRegisterNumber(document.document().holderRegisterNumber()), validation.validate(pdf));
    }

    /**
     * Whether a file is byte for byte one of the issued PDFs of the document with this code.
     *
     * @return {@code mn} or {@code en} for the version it is, or empty when it is neither
     */
    public Optional<String> compare(String typedCode, byte[] file) {
        ShortCode code = ShortCode.parse(typedCode);
        String id = jdbc.sql("select id::text from documents.document where short_code = :c").param("c", code.value())
                .query(String.class).optional().orElseThrow(DocumentNotFound::new);
        if (file == null || file.length == 0) {
            return Optional.empty();
        }
        return jdbc.sql("select language from documents.rendition where document_id = :id and sha256 = :sha")
                .param("id", UUID.fromString(id)).param("sha", sha256(file)).query(String.class).optional();
    }

    // ---------------------------------------------------------------- the issuer

    /** The documents an agency issued, newest first, optionally only those with this short code or holder. */
    public List<DocumentDetails> issuedBy(String agencyCode, String query, int limit) {
        int max = Math.max(1, Math.min(limit, 200));
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return jdbc.sql(COLUMNS + " where d.agency_code = :a order by d.issued_at desc, d.id limit " + max)
                    .param("a", agencyCode).query(this::row).list();
        }
        if (RegisterNumber.isValid(q, clock)) {
            return jdbc.sql(COLUMNS + " where d.agency_code = :a and d.holder_register_number = :rn order by d.issued_at desc, d.id limit " + max)
                    .param("a", agencyCode).param("rn", RegisterNumber.parse(q, clock).value()).query(this::row).list();
        }
        ShortCode code = ShortCode.parse(q);
        return jdbc.sql(COLUMNS + " where d.agency_code = :a and d.short_code = :c")
                .param("a", agencyCode).param("c", code.value()).query(this::row).list();
    }

    /** One document of the official's agency; another agency's is not found. */
    public DocumentDetails issued(String id, Actor official) {
        DocumentDetails found = details(id).orElseThrow(DocumentNotFound::new);
        if (official == null || !found.document().agencyCode().equals(official.agencyCode())) {
            throw new DocumentNotFound();
        }
        return found;
    }

    /**
     * Revokes a document for good: it stays in the holder's wallet and on the verification page, marked revoked
     * with the date and reason. Only an official of the issuing agency may; anyone else's attempt is audited
     * ({@code documents.revoke.denied}) and refused.
     */
    @Transactional
    public DocumentDetails revoke(String id, String reason, Actor official) {
        DocumentDetails found = details(id).orElseThrow(DocumentNotFound::new);
        if (official == null || !found.document().agencyCode().equals(official.agencyCode())) {
            separately.executeWithoutResult(status -> audit.record(new AuditEvent("documents.revoke.denied",
                    AuditEvent.Outcome.DENIED, "document", found.document().id(), null,
                    Map.of("agency", official == null || official.agencyCode() == null ? "" : official.agencyCode(),
                            "issuer", found.document().agencyCode()))));
            throw DocumentRefused.notIssuer();
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw DocumentRefused.invalid("document_revocation_reason_required", "Say why the document is revoked.");
        }
        if (why.length() > 500) {
            throw DocumentRefused.invalid("document_revocation_reason_too_long", "The reason is at most 500 characters.");
        }
        int changed = jdbc.sql("""
                        update documents.document set revoked_at = :now, revoked_by = :by, revocation_reason = :why
                         where id = :id and revoked_at is null""")
                .param("now", OffsetDateTime.now(clock)).param("by", official.login()).param("why", why)
                .param("id", UUID.fromString(found.document().id())).update();
        if (changed == 0) {
            throw DocumentRefused.alreadyRevoked();
        }
        audit.record(AuditEvent.success("documents.revoked", "document", found.document().id())
                .withDetails(Map.of("reason", why, "short_code", found.document().shortCode(),
                        "holder", found.document().holderRegisterNumber())));
        return details(id).orElseThrow();
    }

    // ---------------------------------------------------------------- helpers

    /** The absolute verification URL the QR code carries. */
    public String verifyUrl(String shortCode) {
        return publicUrl + "/verify/" + shortCode;
    }

    private Optional<byte[]> pdf(String id, String language) {
        return jdbc.sql("select pdf from documents.rendition where document_id = :id and language = :l")
                .param("id", UUID.fromString(id)).param("l", language).query(byte[].class).optional();
    }

    private static String language(String language) {
        String lang = language == null || language.isBlank() ? "mn" : language.strip().toLowerCase(Locale.ROOT);
        if (!lang.equals("mn") && !lang.equals("en")) {
            throw DocumentRefused.languageInvalid();
        }
        return lang;
    }

    private Optional<IssuedDocument> bySource(String type, String source) {
        return jdbc.sql(COLUMNS + " where d.type = :t and d.source_reference = :s").param("t", type).param("s", source)
                .query(this::row).optional().map(DocumentDetails::document);
    }

    private ShortCode freshCode() {
        for (int attempt = 0; attempt < 10; attempt++) {
            ShortCode code = ShortCode.random();
            boolean taken = jdbc.sql("select count(*) from documents.document where short_code = :c").param("c", code.value())
                    .query(Long.class).single() > 0;
            if (!taken) {
                return code;
            }
        }
        throw new IllegalStateException("no free short code after 10 attempts");
    }

    private String store(UUID id, String language, byte[] pdf) {
        String sha = sha256(pdf);
        jdbc.sql("insert into documents.rendition (document_id, language, pdf, sha256) values (:id, :l, :pdf, :sha)")
                .param("id", id).param("l", language).param("pdf", pdf).param("sha", sha).update();
        return sha;
    }

    private byte[] render(NewDocument document, Agency agency, Person holder, ShortCode code, Instant at, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        List<DocumentPdf.Row> rows = new ArrayList<>();
        rows.add(new DocumentPdf.Row(text("documents.pdf.holder", locale), holder.fullName()));
        rows.add(new DocumentPdf.Row(text("documents.pdf.registerNumber", locale), holder.registerNumber()));
        for (NewDocument.Line line : document.lines()) {
            String label = english && line.labelEn() != null && !line.labelEn().isBlank() ? line.labelEn() : line.labelMn();
            rows.add(new DocumentPdf.Row(label, line.value()));
        }
        rows.add(new DocumentPdf.Row(text("documents.pdf.issuedOn", locale), DATE.format(at.atZone(DocumentDetails.ULAANBAATAR))));
        rows.add(new DocumentPdf.Row(text("documents.pdf.issuer", locale), english ? agency.nameEn() : agency.nameMn()));
        String url = verifyUrl(code.display());
        return DocumentPdf.render(new DocumentPdf.Content(locale.getLanguage(), text("documents.pdf.state", locale),
                english ? agency.nameEn() : agency.nameMn(), english ? document.titleEn().strip() : document.titleMn().strip(),
                rows, text("documents.pdf.code", locale), code.display(), text("documents.pdf.verify", locale), url,
                text("documents.pdf.footer", locale), DocumentPdf.calendar(at)));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private void check(NewDocument d) {
        if (d == null) {
            throw DocumentRefused.invalid("document_invalid", "Nothing to issue.");
        }
        if (d.type() == null || d.type().length() > 100 || !TYPE.matcher(d.type()).matches()) {
            throw DocumentRefused.invalid("document_type_invalid", "The type is lower-case words joined by dots, e.g. civil.reference.marital-status.");
        }
        if (blank(d.titleMn()) || blank(d.titleEn()) || d.titleMn().strip().length() > 300 || d.titleEn().strip().length() > 300) {
            throw DocumentRefused.invalid("document_title_invalid", "A title in Mongolian and English, at most 300 characters each.");
        }
        if (d.holderRegisterNumber() == null || !RegisterNumber.isValid(d.holderRegisterNumber(), clock)) {
            throw DocumentRefused.invalid("document_holder_unknown", "The holder's register number is not valid.");
        }
        if (d.sourceReference() != null && (d.sourceReference().isBlank() || d.sourceReference().length() > 200)) {
            throw DocumentRefused.invalid("document_source_invalid", "The source reference is 1 to 200 characters.");
        }
        if (d.lines() == null || d.lines().size() > MAX_LINES || d.lines().stream().anyMatch(l -> l == null
                || blank(l.labelMn()) || l.value() == null || l.value().length() > MAX_VALUE)) {
            throw DocumentRefused.invalid("document_lines_invalid", "Each line has a Mongolian label and a value; at most 60 lines.");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private DocumentDetails row(ResultSet rs, int n) throws SQLException {
        IssuedDocument document = new IssuedDocument(rs.getString(1), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(7), rs.getString(8), display(rs.getString(2)),
                "/verify/" + display(rs.getString(2)), rs.getObject(11, OffsetDateTime.class).toInstant(),
                rs.getObject(12, OffsetDateTime.class) == null ? null : rs.getObject(12, OffsetDateTime.class).toInstant(),
                rs.getString(10));
        List<NewDocument.Line> lines = json.readValue(rs.getString(9), new TypeReference<List<NewDocument.Line>>() { });
        // the agency's name through the catalogue's API, not its table
        Optional<Agency> agency = agencies.find(rs.getString(4));
        String nameMn = agency.map(Agency::nameMn).orElse(rs.getString(4));
        String nameEn = agency.map(Agency::nameEn).orElse(rs.getString(4));
        return new DocumentDetails(document, rs.getString(6), nameMn, nameEn, lines, rs.getString(18) != null,
                rs.getString(17), rs.getString(18), rs.getString(14), rs.getString(13));
    }

    private static String display(String canonical) {
        return canonical.substring(0, 4) + "-" + canonical.substring(4);
    }

    private static UUID uuid(String id) {
        if (id == null || id.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** «Болд Бат-Эрдэнэ» → «Б*** Б**-Э*****»: the first letter of each part of each name. */
    static String maskName(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            boolean starts = i == 0 || name.charAt(i - 1) == ' ' || name.charAt(i - 1) == '-';
            out.appendCodePoint(starts || cp == ' ' || cp == '-' ? cp : '*');
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** «УБ90052114» → «УБ******14»: the birth date and sex digits hidden. */
    static String maskRegisterNumber(String rn) {
        return rn.length() < 4 ? "**" : rn.substring(0, 2) + "*".repeat(rn.length() - 4) + rn.substring(rn.length() - 2);
    }
}
