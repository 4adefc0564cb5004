/**
 * The case file: the citizen (CPR stored once, masked everywhere), flags, consent, department
 * involvement, efforts, meetings, agreements and progression. Other modules read and change a case
 * only through {@link dk.tvaers.casefile.CaseFiles}.
 */
package dk.tvaers.casefile;
