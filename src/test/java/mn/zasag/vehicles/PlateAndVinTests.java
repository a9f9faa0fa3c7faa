package mn.zasag.vehicles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlateAndVinTests {

    @Test
    void aPlateIsFourDigitsAndThreeCyrillicLettersOfAKnownRegion() {
        assertThat(PlateNumber.parse("1234 уба").value()).isEqualTo("1234УБА");
        assertThat(PlateNumber.parse("0001-ХОА").division()).isEqualTo("84");
        assertThat(PlateNumber.parse("9876ӨМБ").division()).isEqualTo("46");
        assertThat(PlateNumber.parse("5555УНВ").division()).isEqualTo("11");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123УБА", "12345УБА", "1234УБ", "1234УБАА", "1234UBA", "1234ЯЯА", "УБА1234", "1234ЖЖЖ"})
    void otherPlatesAreRefused(String plate) {
        assertThatThrownBy(() -> PlateNumber.parse(plate)).isInstanceOf(VehicleProblem.class)
                .hasFieldOrPropertyWithValue("code", "plate_invalid");
        assertThat(PlateNumber.tryParse(plate)).isEmpty();
    }

    @Test
    void aNorthAmericanVinMustCarryItsCheckDigit() {
        // the worked example of 49 CFR 565: check digit X
        assertThat(Vin.parse("1m8gdm9axkp042788").value()).isEqualTo("1M8GDM9AXKP042788");
        assertThat(Vin.checkDigit("1M8GDM9A0KP042788")).isEqualTo('X');
        assertThatThrownBy(() -> Vin.parse("1M8GDM9A1KP042788"))
                .hasFieldOrPropertyWithValue("code", "vin_check_digit");
    }

    @Test
    void otherVinsAreCheckedForFormOnly() {
        assertThat(Vin.parse("JTDKB20U093012345").value()).isEqualTo("JTDKB20U093012345");
        assertThat(Vin.parse("KMHCT41DAEU123456").value()).startsWith("KMH");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "JTDKB20U09301234", "JTDKB20U0930123456", "JTDKB20I093012345", "JTDKB20O093012345",
            "JTDKB20Q093012345", "JTDKB20U09301234-"})
    void malformedVinsAreRefused(String vin) {
        assertThatThrownBy(() -> Vin.parse(vin)).hasFieldOrPropertyWithValue("code", "vin_invalid");
    }
}
