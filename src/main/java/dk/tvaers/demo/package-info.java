/**
 * The demo profile: the users of API.md in the engine's identity service and a small
 * municipality's cases at every stage of the route, so that every screen has something to show.
 */
package dk.tvaers.demo;
