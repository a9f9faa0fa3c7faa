package mn.zasag.tax;

/** The taxes the ledger keeps apart (a payment settles debt of its own type only). */
public enum TaxType {
    /** Хувь хүний орлогын албан татвар. */
    PERSONAL_INCOME,
    /** Аж ахуйн нэгжийн орлогын албан татвар. */
    CORPORATE_INCOME,
    /** Нэмэгдсэн өртгийн албан татвар. */
    VAT,
    /** Онцгой албан татвар. */
    EXCISE,
    /** Үл хөдлөх эд хөрөнгийн албан татвар. */
    PROPERTY,
    /** Авто тээврийн хэрэгсэл, өөрөө явагч хэрэгслийн албан татвар. */
    VEHICLE
}
