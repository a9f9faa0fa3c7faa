package mn.zasag.shared;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import mn.zasag.identity.Permission;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint says who may call it, in terms of permissions that exist. */
class SecurityRulesTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("mn.zasag");

    private static List<JavaMethod> handlerMethods() {
        List<JavaMethod> handlers = new ArrayList<>();
        CLASSES.stream()
                .filter(c -> c.isAnnotatedWith(Controller.class) || c.isAnnotatedWith(RestController.class))
                .forEach(c -> c.getMethods().stream()
                        .filter(m -> m.isMetaAnnotatedWith(RequestMapping.class))
                        .forEach(handlers::add));
        return handlers;
    }

    @Test
    void everyHandlerMethodDeclaresItsPermission() {
        List<JavaMethod> handlers = handlerMethods();
        assertThat(handlers).hasSizeGreaterThan(10);
        List<String> missing = handlers.stream()
                .filter(m -> !m.isAnnotatedWith(PreAuthorize.class))
                .map(JavaMethod::getFullName).toList();
        assertThat(missing).as("handler methods without @PreAuthorize").isEmpty();
    }

    @Test
    void preAuthorizeNamesOnlyKnownPermissions() {
        Set<String> known = Arrays.stream(Permission.values()).map(Enum::name).collect(Collectors.toSet());
        Pattern quoted = Pattern.compile("'([A-Z_]+)'");
        List<String> unknown = new ArrayList<>();
        for (JavaMethod m : handlerMethods()) {
            String rule = m.getAnnotationOfType(PreAuthorize.class).value();
            assertThat(rule).as(m.getFullName()).matches("permitAll\\(\\)|hasAuthority\\('[A-Z_]+'\\)|hasAnyAuthority\\(('[A-Z_]+'(, )?)+\\)");
            Matcher matcher = quoted.matcher(rule);
            while (matcher.find()) {
                if (!known.contains(matcher.group(1))) {
                    unknown.add(m.getFullName() + " -> " + matcher.group(1));
                }
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void controllersArePackagePrivate() {
        classes().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .should().notBePublic()
                .check(CLASSES);
    }
}
