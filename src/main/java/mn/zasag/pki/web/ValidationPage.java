package mn.zasag.pki.web;

import mn.zasag.pki.PdfRejected;
import mn.zasag.pki.SignatureValidation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;

/** Public: anyone uploads a PDF and sees, per signature, who signed, when, at which level, and whether to trust it. */
@Controller
class ValidationPage {

    private final SignatureValidation validation;

    ValidationPage(SignatureValidation validation) {
        this.validation = validation;
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/pki/validate")
    String form() {
        return "pki/validate";
    }

    @PreAuthorize("permitAll()")
    @PostMapping("/pki/validate")
    String check(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        try {
            model.addAttribute("reports", validation.validate(file == null ? null : file.getBytes()));
            model.addAttribute("checked", true);
        } catch (PdfRejected e) {
            model.addAttribute("problem", e.messageKey());
        }
        return "pki/validate";
    }
}
