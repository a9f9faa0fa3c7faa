package mn.zasag.notifications.web;

import jakarta.servlet.http.HttpServletResponse;
import mn.zasag.identity.AccountNotFound;
import mn.zasag.identity.AccountSummary;
import mn.zasag.identity.Accounts;
import mn.zasag.notifications.internal.ChannelPreferences;
import mn.zasag.notifications.internal.ChannelPreferences.Choice;
import mn.zasag.notifications.internal.PreferenceChanging;
import mn.zasag.shared.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.Optional;

/** The signed-in person chooses how messages reach them: SMS, email or both. */
@Controller
class PreferencePages {

    private final Accounts accounts;
    private final ChannelPreferences preferences;
    private final PreferenceChanging changing;

    PreferencePages(Accounts accounts, ChannelPreferences preferences, PreferenceChanging changing) {
        this.accounts = accounts;
        this.preferences = preferences;
        this.changing = changing;
    }

    @PreAuthorize("hasAuthority('ACCOUNT_SELF')")
    @GetMapping("/account/notifications/channels")
    String show(Authentication authentication, Model model) {
        AccountSummary account = account(authentication);
        return page(model, account, preferences.of(account.id()).name(), null);
    }

    @PreAuthorize("hasAuthority('ACCOUNT_SELF')")
    @PostMapping("/account/notifications/channels")
    String choose(Authentication authentication, @RequestParam(required = false) String channels, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        AccountSummary account = account(authentication);
        Optional<Choice> choice = Arrays.stream(Choice.values()).filter(c -> c.name().equals(channels)).findFirst();
        Optional<String> refusal = choice.isEmpty() ? Optional.of("notifications.preferences.invalid")
                : changing.choose(account, choice.get());
        if (refusal.isPresent()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, account, channels, refusal.get());
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/account/notifications/channels";
    }

    private String page(Model model, AccountSummary account, String selected, String error) {
        model.addAttribute("choices", Choice.values());
        model.addAttribute("selected", selected);
        model.addAttribute("error", error);
        model.addAttribute("hasMobile", account.mobile() != null && !account.mobile().isBlank());
        model.addAttribute("hasEmail", account.email() != null && !account.email().isBlank());
        return "notifications/channels";
    }

    private AccountSummary account(Authentication authentication) {
        if (authentication.getPrincipal() instanceof Actor actor && actor.accountId() != null) {
            return accounts.find(actor.accountId()).orElseThrow(() -> new AccountNotFound(actor.accountId()));
        }
        throw new AccountNotFound(-1);
    }
}
