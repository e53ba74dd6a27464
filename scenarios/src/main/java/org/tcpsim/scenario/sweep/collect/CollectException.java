package org.tcpsim.scenario.sweep.collect;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Input that collect cannot use (no manifest, shards of different sweeps, an unreadable or
 * inconsistent file) or an output it cannot write. The message is one line for the user that
 * names the file and says what is wrong; the command prints it instead of a stack trace.
 */
public final class CollectException extends Exception {
  private static final long serialVersionUID = 1L;

  public CollectException(String message) {
    super(message);
  }

  public CollectException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Why an I/O operation failed, in words: the JDK's file-system exceptions carry only the
   * path as their message, which says nothing next to the path the message already names.
   */
  static String reason(IOException e) {
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException) {
      return "a file is in the way of a directory";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
