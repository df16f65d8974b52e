from kronika.cli import main

if __name__ == "__main__":  # worker processes (Dask, multiprocessing) import this module again
    main()
