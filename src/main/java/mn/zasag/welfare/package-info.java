/**
 * Social welfare: the welfare pensions, benefits and refunds granted from the welfare fund, each with the
 * decision's amount and period. Owned by the General Agency for Social Welfare Services (agency {@code GASWS}):
 * only its officers grant; a person holds at most one welfare pension at a time.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Social welfare")
package mn.zasag.welfare;
