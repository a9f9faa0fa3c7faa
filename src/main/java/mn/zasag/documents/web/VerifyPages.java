package mn.zasag.documents.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import mn.zasag.documents.DocumentCodeInvalid;
import mn.zasag.documents.DocumentNotFound;
import mn.zasag.documents.VerificationThrottled;
import mn.zasag.documents.Documents;
import mn.zasag.documents.ShortCode;
import mn.zasag.documents.Verification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Public: anyone holding a document (or its QR code) checks it is genuine: what it is, who issued it and when,
 * whether it is still valid, the check of its seal, and optionally whether a PDF in hand is exactly the issued one.
 */
@Controller
class VerifyPages {

    private static final int MAX_TYPED = 40;
    private final Documents documents;

    VerifyPages(Documents documents) {
        this.documents = documents;
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/verify")
    String form(@RequestParam(required = false) String code, Model model, HttpServletResponse response) {
        if (code == null) {
            return "documents/verify";
        }
        try {
            return "redirect:/verify/" + ShortCode.parse(code).display();
        } catch (DocumentCodeInvalid e) {
            return refused(e.messageKey(), code, model, response, HttpServletResponse.SC_BAD_REQUEST);
        }
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/verify/{code}")
    String verify(@PathVariable String code, Model model, HttpServletRequest request, HttpServletResponse response) {
        return show(code, model, request, response, () -> null);
    }

    @PreAuthorize("permitAll()")
    @PostMapping("/verify/{code}")
    String compare(@PathVariable String code, @RequestParam(name = "file", required = false) MultipartFile file, Model model,
                   HttpServletRequest request, HttpServletResponse response) {
        return show(code, model, request, response, () -> {
            byte[] bytes = file == null ? new byte[0] : file.getBytes();
            model.addAttribute("compared", true);
            Optional<String> match = documents.compare(code, bytes);
            return match.orElse(null);
        });
    }

    private interface Comparison {
        String run() throws IOException;
    }

    private String show(String code, Model model, HttpServletRequest request, HttpServletResponse response, Comparison comparison) {
        try {
            ShortCode canonical = ShortCode.parse(code);
            if (!canonical.display().equals(code)) {
                // one address per document: /verify/k7m29xqf goes to /verify/K7M2-9XQF
                return "redirect:/verify/" + UriUtils.encodePathSegment(canonical.display(), StandardCharsets.UTF_8);
            }
            Verification verification = documents.verify(code, request.getRemoteAddr());
            model.addAttribute("v", verification);
            model.addAttribute("match", comparison.run());
            return "documents/verified";
        } catch (DocumentCodeInvalid e) {
            return refused(e.messageKey(), code, model, response, HttpServletResponse.SC_BAD_REQUEST);
        } catch (DocumentNotFound e) {
            return refused(e.messageKey(), code, model, response, HttpServletResponse.SC_NOT_FOUND);
        } catch (VerificationThrottled e) {
            response.setHeader("Retry-After", "900");
            return refused(e.messageKey(), code, model, response, 429);
        } catch (IOException e) {
            return refused("problem.document_upload_unreadable", code, model, response, HttpServletResponse.SC_BAD_REQUEST);
        }
    }

    private static String refused(String problem, String typed, Model model, HttpServletResponse response, int status) {
        response.setStatus(status);
        model.addAttribute("problem", problem);
        model.addAttribute("typed", typed.length() > MAX_TYPED ? typed.substring(0, MAX_TYPED) : typed);
        return "documents/verify";
    }
}
