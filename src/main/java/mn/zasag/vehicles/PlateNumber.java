package mn.zasag.vehicles;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Mongolian registration plate: four digits and three Cyrillic letters, e.g. {@code 1234УБА}. The first
 * two letters name where the vehicle was registered (an aimag, the capital, or one of the cities and
 * districts that have codes of their own); the third is the series.
 *
 * <p>The codes are those of the English and German Wikipedia articles "Vehicle registration plates of
 * Mongolia" / "Kfz-Kennzeichen (Mongolei)" (sourced there to numberplates.com), with the capital's series
 * УБ, УН, УА, УЕ and УК (the transport centre opened УА in 2019, see unen.mn/a/94863). No official list
 * from the road transport authority was found; sources disagree on a few codes (БХ/БН for Bayankhongor,
 * СҮ/СУ for Sükhbaatar), and both spellings are accepted. Each code maps to the 2-digit division code of
 * {@code registry/divisions.csv} (a city or district to its aimag or the capital).
 */
public record PlateNumber(String value) {

    private static final Pattern FORM = Pattern.compile("^[0-9]{4}[А-ЯЁӨҮ]{3}$");

    /** Region code (first two letters) to the division code of its aimag or the capital. */
    public static final Map<String, String> REGIONS;

    static {
        Map<String, String> r = new LinkedHashMap<>();
        for (String ub : new String[] {"УБ", "УН", "УА", "УЕ", "УК"}) {
            r.put(ub, "11"); // Ulaanbaatar
        }
        r.put("БН", "11"); // Baganuur district (also read as Bayankhongor by some sources)
        r.put("НА", "11"); // Nalaikh district
        r.put("АР", "65"); // Arkhangai
        r.put("БХ", "64"); // Bayankhongor
        r.put("БӨ", "83"); // Bayan-Ölgii
        r.put("БУ", "63"); // Bulgan
        r.put("ГА", "82"); // Govi-Altai
        r.put("ГО", "82"); // Govi-Altai (older plates)
        r.put("ГС", "42"); // Govisümber
        r.put("ДА", "45"); // Darkhan-Uul (Darkhan city)
        r.put("ДГ", "44"); // Dornogovi
        r.put("ДО", "21"); // Dornod
        r.put("ЧО", "21"); // Choibalsan city, Dornod (older plates)
        r.put("ДУ", "48"); // Dundgovi
        r.put("ЗА", "81"); // Zavkhan
        r.put("ОР", "61"); // Orkhon
        r.put("ЭТ", "61"); // Erdenet city, Orkhon (older plates)
        r.put("ӨВ", "62"); // Övörkhangai
        r.put("ӨМ", "46"); // Ömnögovi
        r.put("СҮ", "22"); // Sükhbaatar aimag
        r.put("СУ", "22"); // Sükhbaatar aimag (other spelling)
        r.put("СБ", "43"); // Sükhbaatar city, Selenge
        r.put("СЭ", "43"); // Selenge
        r.put("ТӨ", "41"); // Töv
        r.put("УВ", "85"); // Uvs
        r.put("ХО", "84"); // Khovd
        r.put("ХӨ", "67"); // Khövsgöl
        r.put("ХЭ", "23"); // Khentii
        REGIONS = Map.copyOf(r);
    }

    public PlateNumber {
        if (value == null || !FORM.matcher(value).matches() || !REGIONS.containsKey(value.substring(4, 6))) {
            throw VehicleProblem.invalid("plate_invalid");
        }
    }

    /** Accepts spaces and dashes ({@code 1234 УБА}, {@code 1234-уба}) and lower case. */
    public static PlateNumber parse(String raw) {
        return new PlateNumber(canonical(raw));
    }

    public static Optional<PlateNumber> tryParse(String raw) {
        String text = canonical(raw);
        return FORM.matcher(text).matches() && REGIONS.containsKey(text.substring(4, 6))
                ? Optional.of(new PlateNumber(text)) : Optional.empty();
    }

    /** The division code (aimag or capital) the plate's region letters name. */
    public String division() {
        return REGIONS.get(value.substring(4, 6));
    }

    private static String canonical(String raw) {
        return raw == null ? "" : raw.replace(" ", "").replace("-", "").strip().toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
