package mn.zasag.feedback.internal;

import mn.zasag.feedback.Category;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Routing as data: {@code feedback/categories.psv} maps each category to the agency that answers it. */
@Component
public class Categories {

    private final Map<String, Category> byCode;

    Categories() {
        this.byCode = load();
    }

    public List<Category> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<Category> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    private static Map<String, Category> load() {
        Map<String, Category> categories = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("feedback/categories.psv").getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\|", -1);
                if (f.length != 5 || !List.of("local", "national").contains(f[4].strip())) {
                    throw new IllegalStateException("feedback/categories.psv: bad line " + line);
                }
                categories.put(f[0].strip(), new Category(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip(),
                        "local".equals(f[4].strip())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return categories;
    }
}
