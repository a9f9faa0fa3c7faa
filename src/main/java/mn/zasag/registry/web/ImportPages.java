package mn.zasag.registry.web;

import mn.zasag.registry.ImportFailed;
import mn.zasag.registry.ImportProgress;
import mn.zasag.registry.PersonImporter;
import mn.zasag.registry.ImportNotFound;
import mn.zasag.shared.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The platform admin's bulk import of persons: upload a CSV or name one already in the server's import
 * folder ({@code <data dir>/imports}, so that no other server file can be read), then follow the import
 * live (the page polls the JSON progress with {@code /js/import-progress.js}) and read its rejected rows.
 */
@Controller
class ImportPages {

    private final PersonImporter importer;
    private final Path folder;

    ImportPages(PersonImporter importer, @Value("${zasag.data-dir:./data}") String dataDir) {
        this.importer = importer;
        this.folder = Path.of(dataDir).resolve("imports").toAbsolutePath().normalize();
    }

    @PreAuthorize("hasAuthority('REGISTRY_IMPORT')")
    @GetMapping("/admin/registry/imports")
    String list(Model model) {
        model.addAttribute("imports", importer.recent());
        model.addAttribute("folder", folder.toString());
        return "registry/imports";
    }

    @PreAuthorize("hasAuthority('REGISTRY_IMPORT')")
    @PostMapping("/admin/registry/imports")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(defaultValue = "") String serverFile, @RequestParam(defaultValue = "") String legalBasis,
                  @AuthenticationPrincipal Actor admin, RedirectAttributes redirect) throws IOException {
        Path csv;
        if (file != null && !file.isEmpty()) {
            Files.createDirectories(folder);
            csv = folder.resolve("upload-" + UUID.randomUUID() + ".csv");
            file.transferTo(csv);
        } else if (!serverFile.isBlank()) {
            csv = folder.resolve(serverFile.strip()).normalize();
            if (!csv.getParent().equals(folder) || !Files.isRegularFile(csv)) {
                redirect.addFlashAttribute("error", "import.error.server_file");
                return "redirect:/admin/registry/imports";
            }
        } else {
            redirect.addFlashAttribute("error", "import.error.no_file");
            return "redirect:/admin/registry/imports";
        }
        try {
            ImportProgress progress = importer.start(csv, legalBasis, admin.login());
            return "redirect:/admin/registry/imports/" + progress.id();
        } catch (ImportFailed e) {
            redirect.addFlashAttribute("error", e.messageKey());
            return "redirect:/admin/registry/imports";
        }
    }

    @PreAuthorize("hasAuthority('REGISTRY_IMPORT')")
    @GetMapping("/admin/registry/imports/{id}")
    String show(@PathVariable String id, Model model) {
        ImportProgress progress = importer.get(id);
        model.addAttribute("progress", progress);
        model.addAttribute("rejects", firstRejects(progress, 50));
        return "registry/import";
    }

    @PreAuthorize("hasAuthority('REGISTRY_IMPORT')")
    @GetMapping(value = "/admin/registry/imports/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<?> progress(@PathVariable String id) {
        ImportProgress p = importer.find(id).orElse(null);
        if (p == null) {
            // the JSON the page polls: answer the problem as JSON too, with its own code
            ImportNotFound missing = new ImportNotFound();
            org.springframework.http.ProblemDetail problem = org.springframework.http.ProblemDetail.forStatusAndDetail(
                    missing.status(), missing.getMessage());
            problem.setProperty("code", missing.code());
            return ResponseEntity.status(missing.status()).body(problem);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", p.id());
        json.put("file", p.fileName());
        json.put("phase", p.phase().name());
        json.put("finished", p.finished());
        json.put("totalBytes", p.totalBytes());
        json.put("bytesRead", p.bytesRead());
        json.put("percentRead", p.percentRead());
        json.put("rowsRead", p.rowsRead());
        json.put("rowsPerSecond", p.rowsPerSecond());
        json.put("etaSeconds", p.etaSeconds());
        json.put("elapsedSeconds", p.elapsedSeconds());
        json.put("rejected", p.rejected());
        json.put("imported", p.imported());
        json.put("errorCode", p.errorCode());
        json.put("errorLine", p.errorLine());
        return ResponseEntity.ok(json);
    }

    @PreAuthorize("hasAuthority('REGISTRY_IMPORT')")
    @GetMapping("/admin/registry/imports/{id}/rejects")
    ResponseEntity<Resource> rejects(@PathVariable String id) {
        ImportProgress p = importer.get(id);
        if (p.rejectsFile() == null || !Files.isRegularFile(Path.of(p.rejectsFile()))) {
            throw new ImportNotFound();
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rejects.csv\"")
                .body(new FileSystemResource(p.rejectsFile()));
    }

    /** The first rejected rows (line, reason code, original row) to show on the page. */
    private static List<String[]> firstRejects(ImportProgress progress, int max) {
        List<String[]> rows = new ArrayList<>();
        if (progress.rejectsFile() == null || !Files.isRegularFile(Path.of(progress.rejectsFile()))) {
            return rows; // none, or written on another node's disk
        }
        try (BufferedReader in = Files.newBufferedReader(Path.of(progress.rejectsFile()), StandardCharsets.UTF_8)) {
            in.readLine();
            String line;
            while (rows.size() < max && (line = in.readLine()) != null) {
                String[] parts = line.split(",", 3);
                String raw = parts.length > 2 ? parts[2] : "";
                if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
                    raw = raw.substring(1, raw.length() - 1).replace("\"\"", "\"");
                }
                rows.add(new String[] {parts[0], parts.length > 1 ? parts[1] : "", raw});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
