/**
 * Social insurance: the monthly contributions employers (legal entities) pay for insured persons, with the
 * wage they were paid on; the insured months are derived from them. Owned by the General Authority for
 * Social Insurance (agency {@code GASI}): only its officers write; every read by an officer or a system
 * names its legal basis and is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Social insurance")
package mn.zasag.socialinsurance;
