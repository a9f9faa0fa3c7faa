package mn.zasag.identity.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the registration page posts. Names allow Cyrillic and Latin letters, spaces, hyphens and
 * apostrophes (Бат-Эрдэнэ); nothing else, so a decoding error (U+FFFD) or markup never becomes a name.
 */
record RegistrationForm(
        @NotBlank(message = "{registration.registerNumber.required}")
        @Size(max = 20, message = "{registerNumber.invalid.length}")
        String registerNumber,
        @NotBlank(message = "{registration.familyName.required}")
        @Size(max = 100, message = "{registration.name.tooLong}")
        @Pattern(regexp = NAME, message = "{registration.name.invalid}")
        String familyName,
        @NotBlank(message = "{registration.givenName.required}")
        @Size(max = 100, message = "{registration.name.tooLong}")
        @Pattern(regexp = NAME, message = "{registration.name.invalid}")
        String givenName,
        @NotBlank(message = "{registration.mobile.required}")
        @Size(max = 20, message = "{registration.mobile.invalid}")
        String mobile,
        @Size(max = 254, message = "{registration.email.invalid}")
        @Email(message = "{registration.email.invalid}")
        String email,
        @NotBlank(message = "{registration.password.required}")
        @Size(min = 10, max = 128, message = "{registration.password.length}")
        String password,
        String passwordConfirmation) {

    /** Empty passes here so that a missing name gets only the "required" message. */
    static final String NAME = "^([\\p{IsCyrillic}\\p{IsLatin}][\\p{IsCyrillic}\\p{IsLatin} '\\-]*)?$";

    static RegistrationForm empty() {
        return new RegistrationForm("", "", "", "", "", "", "");
    }
}
