package mn.zasag.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import mn.zasag.identity.AccountNotFound;
import mn.zasag.identity.Accounts;
import mn.zasag.identity.internal.AccessTokens;
import mn.zasag.identity.internal.AccountPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

/** One's own account, and the personal access tokens that let scripts act for it. */
@Controller
class AccountPages {

    private final Accounts accounts;
    private final AccessTokens tokens;
    private final Clock clock;

    AccountPages(Accounts accounts, AccessTokens tokens, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.clock = clock;
    }

    @PreAuthorize("hasAuthority('ACCOUNT_SELF')")
    @GetMapping("/account")
    String account(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        model.addAttribute("account", accounts.find(me.accountId()).orElseThrow(() -> new AccountNotFound(me.accountId())));
        return "identity/account";
    }

    @PreAuthorize("hasAuthority('TOKENS_SELF')")
    @GetMapping("/account/tokens")
    String tokens(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new TokenForm("", 90));
        }
        model.addAttribute("tokens", tokens.list(me.accountId()));
        model.addAttribute("now", OffsetDateTime.now(clock));
        return "identity/tokens";
    }

    @PreAuthorize("hasAuthority('TOKENS_SELF')")
    @PostMapping("/account/tokens")
    String createToken(@AuthenticationPrincipal AccountPrincipal me, @Valid @ModelAttribute("form") TokenForm form,
                       BindingResult errors, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute("tokens", tokens.list(me.accountId()));
            model.addAttribute("now", OffsetDateTime.now(clock));
            return "identity/tokens";
        }
        String token = tokens.create(me.accountId(), form.name().strip(), Duration.ofDays(form.days()));
        // shown once, on the next page only
        redirect.addFlashAttribute("newToken", token);
        return "redirect:/account/tokens";
    }

    @PreAuthorize("hasAuthority('TOKENS_SELF')")
    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(me.accountId(), id);
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/account/tokens";
    }

    record TokenForm(
            @NotBlank(message = "{tokens.name.required}")
            @Size(max = 100, message = "{tokens.name.tooLong}")
            @Pattern(regexp = "^[^\\p{Cntrl}\\uFFFD]*$", message = "{tokens.name.invalid}")
            String name,
            @jakarta.validation.constraints.Min(value = 1, message = "{tokens.days.range}")
            @jakarta.validation.constraints.Max(value = 365, message = "{tokens.days.range}")
            int days) {
    }
}
