/**
 * The vehicle registry: vehicles by plate and VIN, their owner (a person or a legal entity), ownership
 * transfers and technical inspections. Owned by the road transport authority (agency {@code MRT}; in
 * Mongolia the National Road Transport Centre under the Ministry of Road and Transport Development keeps
 * the register and issues plates): only its officers write; every read by an officer or a system names its
 * legal basis and is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Vehicle registry")
package mn.zasag.vehicles;
