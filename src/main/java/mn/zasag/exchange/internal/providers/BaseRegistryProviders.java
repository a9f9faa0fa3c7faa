package mn.zasag.exchange.internal.providers;

import mn.zasag.customs.CustomsDebts;
import mn.zasag.exchange.ServiceProvider;
import mn.zasag.legalentity.LegalEntities;
import mn.zasag.property.PropertyRegistry;
import mn.zasag.socialinsurance.SocialInsurance;
import mn.zasag.tax.TaxAccount;
import mn.zasag.tax.TaxRegistry;
import mn.zasag.vehicles.VehicleRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The base registries besides the civil registry, each published as a service answering one record: what other
 * agencies (and the portal) may ask of them through the exchange instead of reading their tables.
 */
@Configuration(proxyBeanMethods = false)
class BaseRegistryProviders {

    @Bean
    ServiceProvider legalEntityService(LegalEntities entities, JsonMapper json) {
        return new RecordProvider("legal-entities.entity", "entity", "Legal entity by registration number", "registrationNumber",
                "Legal entity registry of Mongolia (GASR): names, form, status, founders, directors, address.",
                entities::read, json);
    }

    @Bean
    ServiceProvider propertyByOwnerService(PropertyRegistry property, JsonMapper json) {
        return new RecordProvider("property.by-owner", "property-by-owner", "Property rights of a person", "registerNumber",
                "Property registry of Mongolia (GASR): the rights a person holds now, with shares and encumbrances.",
                (owner, purpose) -> Map.of("owner", owner, "properties", property.ownedBy(owner, purpose)), json);
    }

    @Bean
    ServiceProvider vehicleService(VehicleRegistry vehicles, JsonMapper json) {
        return new RecordProvider("vehicles.vehicle", "vehicle", "Vehicle by plate number", "plate",
                "Vehicle registry of Mongolia (MRT): make, model, year, owner, technical inspection.",
                vehicles::read, json);
    }

    @Bean
    ServiceProvider taxDebtStatusService(TaxRegistry tax, JsonMapper json) {
        return new RecordProvider("tax.debt-status", "tax-debt-status", "Tax debt status", "taxpayer",
                "Tax registry of Mongolia (GDT): whether a person or entity owes tax, and how much, as of today.",
                (taxpayer, purpose) -> debtStatus(tax.read(taxpayer, purpose)), json);
    }

    @Bean
    ServiceProvider contributionsService(SocialInsurance insurance, JsonMapper json) {
        return new RecordProvider("social-insurance.contributions", "contributions", "Social insurance contributions",
                "registerNumber", "Social insurance of Mongolia (GASI): monthly contributions, employers, insured months.",
                insurance::read, json);
    }

    @Bean
    ServiceProvider customsDebtService(CustomsDebts customs, JsonMapper json) {
        return new RecordProvider("customs.debt-status", "customs-debt-status", "Customs debt status", "debtor",
                "Customs of Mongolia: customs debts of a person or entity and what is outstanding.",
                customs::read, json);
    }

    /** The status, not the ledger: a caller asking «does this taxpayer owe tax» needs no one's payment history. */
    private static Map<String, Object> debtStatus(TaxAccount account) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("taxpayer", account.taxpayer());
        status.put("office", account.office());
        status.put("noDebt", account.noDebt());
        status.put("balance", account.balance());
        status.put("asOf", account.asOf());
        return status;
    }
}
