/** Types shared by workflows, activities and clients: retry policies. */
package dev.weft.common;
