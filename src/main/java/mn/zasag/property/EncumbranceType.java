package mn.zasag.property;

/** Барьцаа (a mortgage securing a loan) or битүүмжлэл/хөрөнгийн барьцаа (a lien, e.g. by a court or tax office). */
public enum EncumbranceType {
    MORTGAGE, LIEN
}
